package jp.hikeshi.audit.web;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.web.Paging;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The administrative audit trail, newest first, filtered by kind, person, address and days.
 * Filters that cannot be read are named next to their field (400) and nothing is listed.
 */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/audit")
	String list(@Valid @ModelAttribute("filter") AuditFilterForm filter, BindingResult errors,
			@ModelAttribute("zone") ZoneId zone, Model model, HttpServletResponse response) {
		// zone: the organisation's, given to every page by system.web.DisplayZone
		filter.check(errors);
		model.addAttribute("kinds", List.of(AuditAction.values()));
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("events", Page.empty(PageRequest.of(0, PAGE_SIZE)));
			return "admin/audit";
		}
		model.addAttribute("events",
				this.auditLog.search(filter.toSearch(zone), PageRequest.of(Paging.page(filter.getPage()), PAGE_SIZE)));
		return "admin/audit";
	}

}
