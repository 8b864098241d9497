package jp.hikeshi.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Move;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.shared.PlainText;

/**
 * A move, with what the page's form for that move takes: a reason (to dismiss, reopen or go
 * back), the target of going back, the categories, severity and note of an escalation, the
 * responsible person and team of FORM_TEAM. Fields another move takes are ignored, as the
 * page's forms do not carry them. Whether what a move needs is there is the incident's to say.
 */
@Schema(name = "TransitionRequest")
record TransitionRequest(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull Transition transition,
		@Schema(description = "The incident's version the caller saw", requiredMode = Schema.RequiredMode.REQUIRED)
		@NotNull Long version,
		@Schema(description = "Why: DISMISS, REOPEN and REENTER need one; a note on the other moves",
				maxLength = MAX_TEXT)
		@Size(max = MAX_TEXT) @PlainText(multiline = true) String reason,
		@Schema(description = "REENTER: the earlier step to go back to (CONTAINMENT, DISCLOSURE, RECOVERY)")
		IncidentState target,
		@Schema(description = "ESCALATE: the primary category") Category category,
		@Schema(description = "ESCALATE: the incident's other categories") List<Category> additionalCategories,
		@Schema(description = "ESCALATE: the kind of leak, where one of the categories is INFORMATION_LEAK")
		LeakKind leakKind,
		@Schema(description = "ESCALATE") Severity severity,
		@Schema(description = "ESCALATE: what the security lead tells the executive", maxLength = MAX_TEXT)
		@Size(max = MAX_TEXT) @PlainText(multiline = true) String note,
		@Schema(description = "FORM_TEAM: the user name of the responsible person (責任者)")
		@Size(max = MAX_USERNAME) String responsible,
		@Schema(description = "FORM_TEAM: the members (担当者) and their duties") @Valid List<Member> team) {

	/** As the pages' text areas: what the timeline keeps of a note or reason. */
	static final int MAX_TEXT = 4000;

	static final int MAX_USERNAME = 64;

	/** A member of the response team and what they do in it. */
	@Schema(name = "TeamMemberRequest")
	record Member(@NotBlank @Size(max = MAX_USERNAME) String username,
			@Size(max = 200) @PlainText String duty) {
	}

	/** The move, carrying what the page's form for it carries. */
	Move toMove() {
		return switch (this.transition) {
			case ESCALATE -> Move.escalate(this.category,
					(this.additionalCategories == null || this.additionalCategories.isEmpty())
							? EnumSet.noneOf(Category.class) : EnumSet.copyOf(this.additionalCategories),
					this.leakKind, this.severity, this.note);
			case FORM_TEAM -> Move.formTeam(this.responsible, members());
			case REENTER -> Move.reenter(this.target, this.reason);
			default -> Move.withReason(this.transition, this.reason);
		};
	}

	/** The team as the move takes it. */
	List<Assignee> members() {
		return (this.team == null) ? List.of()
				: this.team.stream().map(member -> new Assignee(member.username(), member.duty())).toList();
	}

	/** The user names FORM_TEAM names, each with the field that names it, for the check that they can sign in. */
	List<Named> named() {
		List<Named> named = new ArrayList<>();
		if (this.responsible != null && !this.responsible.isBlank()) {
			named.add(new Named("responsible", this.responsible));
		}
		if (this.team != null) {
			for (int i = 0; i < this.team.size(); i++) {
				named.add(new Named("team[" + i + "].username", this.team.get(i).username()));
			}
		}
		return named;
	}

	record Named(String field, String username) {
	}

}
