package jp.hikeshi.drill.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.drill.Debrief;
import jp.hikeshi.drill.Drill;
import jp.hikeshi.drill.DrillNotFound;
import jp.hikeshi.drill.DrillService;
import jp.hikeshi.drill.Scenarios;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The drills: the list with the form that starts one (the security lead), and each drill's page —
 * while it runs, the injects to read out and the end; then the debrief, which the executive
 * reads too.
 */
@Controller
class DrillController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final DrillService drills;

	private final Scenarios scenarios;

	private final IncidentService incidents;

	private final People people;

	private final jp.hikeshi.account.AccountService accounts;

	private final java.time.Clock clock;

	DrillController(java.time.Clock clock, DrillService drills, Scenarios scenarios, IncidentService incidents, People people,
			jp.hikeshi.account.AccountService accounts) {
		this.accounts = accounts;
		this.clock = clock;
		this.drills = drills;
		this.scenarios = scenarios;
		this.incidents = incidents;
		this.people = people;
	}

	/** A drill in the list, with the reference of the incident it runs on. */
	record Row(Drill drill, String reference) {
	}

	@GetMapping("/drills")
	String list(Model model) {
		List<Drill> all = this.drills.all();
		Map<Long, String> references = this.incidents.findAllById(all.stream().map(Drill::incidentId).toList())
			.stream()
			.collect(Collectors.toMap(Incident::getId, Incident::getReference));
		model.addAttribute("drills", all.stream().map(d -> new Row(d, references.get(d.incidentId()))).toList());
		model.addAttribute("scenarios", this.scenarios.all());
		if (!model.containsAttribute("startForm")) {
			model.addAttribute("startForm", new StartForm());
		}
		return "drill/list";
	}

	@PostMapping(path = "/drills", consumes = FORM)
	String start(@ModelAttribute("startForm") StartForm form, BindingResult errors, Authentication user, Locale locale,
			Model model, RedirectAttributes redirect) {
		long[] started = new long[1];
		if (!Refusals.accepted(errors, () -> started[0] = this.drills
			.start((form.getScenario() == null) ? -1 : form.getScenario(), Actor.of(user), locale))) {
			return list(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("drill.started"));
		return "redirect:/drills/" + started[0];
	}

	/** The drill of an incident: where the 訓練 banner of every incident page leads. */
	@GetMapping("/drills/incident/{incidentId}")
	String ofIncident(@PathVariable long incidentId) {
		return "redirect:/drills/" + this.drills.findByIncident(incidentId).orElseThrow(DrillNotFound::new).id();
	}

	@GetMapping("/drills/{drillId}")
	String page(@PathVariable("drillId") long id, Authentication user, Model model) {
		Debrief debrief = this.drills.debrief(id, Actor.of(user));
		model.addAttribute("debrief", debrief);
		model.addAttribute("drill", debrief.drill());
		model.addAttribute("injects", this.drills.injects(debrief.drill()));
		model.addAttribute("due", this.drills.dueInjects(debrief.drill()));
		model.addAttribute("kinds", Measure.Kind.values());
		model.addAttribute("owners",
				this.accounts.all().stream().filter(jp.hikeshi.account.UserAccount::isEnabled).toList());
		model.addAttribute("today", LocalDate.ofInstant(this.clock.instant(), this.incidents.zone()));
		model.addAttribute("lead", Actor.of(user).has(jp.hikeshi.account.Role.SECURITY_LEAD));
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", new NoteForm());
		}
		return "drill/page";
	}

	@PostMapping(path = "/drills/{drillId}/injects/{position}", consumes = FORM)
	String read(@PathVariable("drillId") long id, @PathVariable int position, Authentication user, Locale locale,
			RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.drills.readInject(id, position, Actor.of(user), locale), "drill.inject.read");
		return "redirect:/drills/" + id;
	}

	@PostMapping(path = "/drills/{drillId}/end", consumes = FORM)
	String end(@PathVariable("drillId") long id, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.drills.end(id, Actor.of(user)), "drill.ended.done");
		return "redirect:/drills/" + id + "#debrief";
	}

	@PostMapping(path = "/drills/{drillId}/notes", consumes = FORM)
	String note(@PathVariable("drillId") long id, @ModelAttribute("noteForm") NoteForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.drills.addNote(id, form.getText(), Actor.of(user)))) {
			return page(id, user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("drill.note.added"));
		return "redirect:/drills/" + id + "#notes";
	}

	@PostMapping(path = "/drills/{drillId}/notes/{noteId}/measure", consumes = FORM)
	String measure(@PathVariable("drillId") long id, @PathVariable long noteId, @RequestParam(required = false) Measure.Kind kind,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate dueOn,
			Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.drills.makeMeasure(id, noteId, kind, owner, dueOn, Actor.of(user)),
				"drill.note.measureMade");
		return "redirect:/drills/" + id + "#notes";
	}

	/** Which scenario to run. */
	public static class StartForm {

		private Long scenario;

		public Long getScenario() {
			return this.scenario;
		}

		public void setScenario(Long scenario) {
			this.scenario = scenario;
		}

	}

	/** A debrief note, as typed. */
	public static class NoteForm {

		private String text;

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

}
