package jp.hikeshi.incident.web;

import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.web.Paging;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The security lead's triage queue and the executive's inbox. */
@Controller
class WorkQueuesController {

	private final IncidentService incidents;

	WorkQueuesController(IncidentService incidents) {
		this.incidents = incidents;
	}

	/** How many incidents a page of a work queue shows. */
	static final int PAGE_SIZE = 50;

	/** The reports waiting for a lead, oldest at the top: nothing waits unseen. */
	@GetMapping("/triage")
	String triage(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("incidents", this.incidents.triageQueue(PageRequest.of(Paging.page(page), PAGE_SIZE)));
		return "incident/triage";
	}

	/** Escalated incidents waiting for a response team, and closings waiting for approval. */
	@GetMapping("/executive/inbox")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("incidents", this.incidents.awaitingExecutive(PageRequest.of(Paging.page(page), PAGE_SIZE)));
		return "incident/inbox";
	}

}
