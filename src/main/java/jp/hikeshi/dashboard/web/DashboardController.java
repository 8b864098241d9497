package jp.hikeshi.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jp.hikeshi.account.Actor;
import jp.hikeshi.dashboard.DashboardService;
import jp.hikeshi.dashboard.Metrics;
import jp.hikeshi.preparedness.ReadinessList;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The executive's dashboard: readable in ten seconds, every figure a link to the incidents
 * behind it, every chart backed by a table of its numbers.
 */
@Controller
class DashboardController {

	/** The earliest date a range may start: before it, no SME kept incidents in Hikeshi. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final DashboardService dashboard;

	private final Clock clock;

	private final ReadinessList readiness;

	private final MessageSource messages;

	DashboardController(DashboardService dashboard, Clock clock, ReadinessList readiness, MessageSource messages) {
		this.dashboard = dashboard;
		this.clock = clock;
		this.readiness = readiness;
		this.messages = messages;
	}

	@GetMapping("/dashboard")
	String dashboard(@ModelAttribute("range") Range range, BindingResult errors, Authentication user,
			HttpServletRequest request, Locale locale, Model model) {
		LocalDate today = this.dashboard.today(this.clock.instant());
		LocalDate to = range.getTo();
		LocalDate from = range.getFrom();
		String problem = null;
		if (errors.hasErrors()) {
			problem = "dashboard.range.malformed";
		}
		else if (from != null && to != null && from.isAfter(to)) {
			problem = "dashboard.range.reversed";
		}
		else if ((from != null && (from.isBefore(EARLIEST) || from.isAfter(today)))
				|| (to != null && (to.isBefore(EARLIEST) || to.isAfter(today.plusYears(1))))) {
			problem = "dashboard.range.absurd";
		}
		if (problem != null || to == null) {
			to = today;
		}
		if (problem != null || from == null) {
			from = to.minusMonths(12).plusDays(1);
		}
		model.addAttribute("problem", problem);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		Metrics metrics = this.dashboard.metrics(Actor.of(user), from, to);
		GroupLabels groups = new GroupLabels(metrics.grouping(), this.messages, locale);
		model.addAttribute("metrics", metrics);
		model.addAttribute("groups", groups);
		model.addAttribute("overTime",
				OverTimeTable.of(metrics.overTime(), metrics.grouping(), from, to, groups::of, request.getContextPath()));
		model.addAttribute("readiness", this.readiness.lines());
		return "dashboard/index";
	}

	/** The reporting period, both days included; the last twelve months unless chosen. */
	public static class Range {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate from;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate to;

		public LocalDate getFrom() {
			return this.from;
		}

		public void setFrom(LocalDate from) {
			this.from = from;
		}

		public LocalDate getTo() {
			return this.to;
		}

		public void setTo(LocalDate to) {
			this.to = to;
		}

	}

}
