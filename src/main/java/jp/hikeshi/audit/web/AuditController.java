package jp.hikeshi.audit.web;

import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.web.Paging;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrative audit trail, newest first. */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		int safePage = Paging.page(page);
		model.addAttribute("events", this.auditLog.recent(PageRequest.of(safePage, PAGE_SIZE)));
		return "admin/audit";
	}

}
