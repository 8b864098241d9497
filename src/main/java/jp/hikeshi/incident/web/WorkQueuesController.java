package jp.hikeshi.incident.web;

import jp.hikeshi.incident.IncidentService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The security lead's triage queue and the executive's inbox. */
@Controller
class WorkQueuesController {

	private final IncidentService incidents;

	WorkQueuesController(IncidentService incidents) {
		this.incidents = incidents;
	}

	/** New reports first, oldest at the top: nothing waits unseen. */
	@GetMapping("/triage")
	String triage(Model model) {
		model.addAttribute("incidents", this.incidents.triageQueue());
		return "incident/triage";
	}

	/** Escalated incidents waiting for a response team, and closings waiting for approval. */
	@GetMapping("/executive/inbox")
	String inbox(Model model) {
		model.addAttribute("incidents", this.incidents.awaitingExecutive());
		return "incident/inbox";
	}

}
