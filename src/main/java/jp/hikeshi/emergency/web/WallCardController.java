package jp.hikeshi.emergency.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.emergency.WallCard;
import jp.hikeshi.handover.PdfDocuments;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The wall card, for every signed-in person to print: a page with a print button and the same
 * card as an A4 PDF. Japanese unless English is asked for ({@code ?language=en}): the card is
 * for the office wall, whatever language its printer reads the app in. The page shows the
 * card's own markup (templates/emergency/card.html) and the PDF renders the same markup, so the
 * two cannot disagree.
 */
@Controller
class WallCardController {

	private final WallCard cards;

	private final PdfDocuments pdfs;

	private final SpringTemplateEngine engine;

	private final ApplicationContext application;

	WallCardController(WallCard cards, PdfDocuments pdfs, SpringTemplateEngine engine,
			ApplicationContext application) {
		this.cards = cards;
		this.pdfs = pdfs;
		this.engine = engine;
		this.application = application;
	}

	@GetMapping("/preparedness/wall-card")
	String page(@RequestParam(required = false) String language, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Locale cardLanguage = cardLanguage(language);
		model.addAttribute("cardLanguage", cardLanguage.getLanguage());
		model.addAttribute("card", render("emergency/card", Set.of("card"), cardLanguage,
				Map.of("card", this.cards.card(cardLanguage)), request, response));
		return "emergency/wall-card";
	}

	@GetMapping("/preparedness/wall-card.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String language, HttpServletRequest request,
			HttpServletResponse response) {
		Locale cardLanguage = cardLanguage(language);
		String xhtml = render("emergency/card-pdf", null, cardLanguage,
				Map.of("card", this.cards.card(cardLanguage), "cardLanguage", cardLanguage.getLanguage()), request,
				response);
		String filename = Locale.ENGLISH.equals(cardLanguage) ? "wall-card-en.pdf" : "wall-card.pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(this.pdfs.render(xhtml));
	}

	private static Locale cardLanguage(String asked) {
		return Locale.ENGLISH.getLanguage().equals(asked) ? Locale.ENGLISH : Locale.JAPANESE;
	}

	/** The card's markup in the card's language, which may differ from the reader's. */
	private String render(String template, Set<String> selectors, Locale language, Map<String, Object> model,
			HttpServletRequest request, HttpServletResponse response) {
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), language);
		context.setVariables(model);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, null));
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
