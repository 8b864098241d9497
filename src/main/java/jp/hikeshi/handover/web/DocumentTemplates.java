package jp.hikeshi.handover.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a document (templates/handover/documents.html) in the document's language, which may
 * differ from the reader's: the print page shows this markup inside the app's page, and the PDF
 * renders the same markup, so the two cannot disagree.
 */
@Component
class DocumentTemplates {

	private final SpringTemplateEngine engine;

	private final ApplicationContext application;

	DocumentTemplates(SpringTemplateEngine engine, ApplicationContext application) {
		this.engine = engine;
		this.application = application;
	}

	/** The document's own markup ({@code report} or {@code record}), to place inside a page. */
	String fragment(String kind, Locale language, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) {
		return render("handover/documents", Set.of(kind), language, model, request, response);
	}

	/** The whole XHTML document the PDF is made from. */
	String pdfSource(String kind, Locale language, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) {
		return render("handover/pdf", null, language, Map.of("documentKind", kind), model, request, response);
	}

	private String render(String template, Set<String> selectors, Locale language, Map<String, Object> model,
			HttpServletRequest request, HttpServletResponse response) {
		return render(template, selectors, language, Map.of(), model, request, response);
	}

	private String render(String template, Set<String> selectors, Locale language, Map<String, Object> extra,
			Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), language);
		context.setVariables(model);
		context.setVariables(extra);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, null));
		// the helpers the templates call (@dates, @legalDays) read the language from here
		LocaleContext reader = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(language);
		try {
			return this.engine.process(template, selectors, context);
		}
		finally {
			LocaleContextHolder.setLocaleContext(reader);
		}
	}

}
