package jp.hikeshi.reporting;

import java.time.LocalDate;
import java.util.Set;

import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.TimelineEntry.Kind;

/**
 * What step 2 records that belongs on the incident's timeline, each published once by the
 * {@link ReportingService} method that did it, with raw values (enum names, dates, numbers).
 */
public final class ReportingEvents {

	private ReportingEvents() {
	}

	/** One fact changed; its kind of entry depends on what the fact holds (see {@link Fact#kind()}). */
	public record FactChanged(long incidentId, String actor, Fact fact, Object before, Object after)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(this.fact.kind(), this.fact, this.before, this.after, null);
		}

	}

	/** The reports owed were worked out again from changed facts. */
	public record DutiesRecalculated(long incidentId, String actor, Set<DutyType> before, Set<DutyType> after)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTIES_RECALCULATED, null, this.before, this.after, null);
		}

	}

	/** The duties that may apply (要判断) changed: the facts cannot decide them yet, and their clocks run. */
	public record DutiesProvisional(long incidentId, String actor, Set<DutyType> before, Set<DutyType> after)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTIES_PROVISIONAL, null, this.before, this.after, null);
		}

	}

	/** A count of people passed a threshold of the law: the ground applies from now. */
	public record ThresholdPassed(long incidentId, String actor, ReportingCase.Threshold threshold, long people)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.THRESHOLD_PASSED, this.threshold, null, this.people, null);
		}

	}

	/** A set of personal data that leaked or may have was recorded. */
	public record DataSetAdded(long incidentId, String actor, String description, Integer peopleAtMost)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DATA_SET_ADDED, this.description, null, this.peopleAtMost, null);
		}

	}

	public record DataSetChanged(long incidentId, String actor, String description, Integer peopleAtMost)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DATA_SET_CHANGED, this.description, null, this.peopleAtMost, null);
		}

	}

	public record DataSetRemoved(long incidentId, String actor, String description) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DATA_SET_REMOVED, this.description, null, null, null);
		}

	}

	/** A report was filed on a day, under the authority's reference if there is one. */
	public record DutyFiled(long incidentId, String actor, DutyType duty, LocalDate filedOn, String reference)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTY_FILED, this.duty, null, this.filedOn, this.reference);
		}

	}

	/** A supplementary report (追完) to one filed, with the day, the filing's reference and why. */
	public record DutySupplemented(long incidentId, String actor, DutyType duty, LocalDate filedOn, String reference,
			String reason) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTY_SUPPLEMENTED, this.duty, this.reference, this.filedOn, this.reason);
		}

	}

	/** The company decided not to file a report, and why. */
	public record DutyWaived(long incidentId, String actor, DutyType duty, String reason) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTY_WAIVED, this.duty, null, null, this.reason);
		}

	}

	/** A final report was marked as not yet due, which lets the incident leave step 2. */
	public record DutyMarkedNotYetDue(long incidentId, String actor, DutyType duty) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTY_NOT_YET_DUE, this.duty, null, null, null);
		}

	}

	/** A decision about a report (filed, waived, not yet due) was withdrawn. */
	public record DutyReopened(long incidentId, String actor, DutyType duty) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTY_REOPENED, this.duty, null, null, null);
		}

	}

	public record AnnouncementDrafted(long incidentId, String actor, Announcement.Kind kind, String title)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.ANNOUNCEMENT_DRAFTED, this.kind, null, this.title, null);
		}

	}

	public record AnnouncementApproved(long incidentId, String actor, Announcement.Kind kind, String title)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.ANNOUNCEMENT_APPROVED, this.kind, null, this.title, null);
		}

	}

	/** An approved announcement went out on a day (which may be before the day it was recorded). */
	public record AnnouncementPublished(long incidentId, String actor, Announcement.Kind kind, String title,
			LocalDate publishedOn) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.ANNOUNCEMENT_PUBLISHED, this.kind, this.publishedOn, this.title, null);
		}

	}

	/** The inquiry desk as it stands after a change: opened on, contact, inquiries so far. */
	public record InquiryDeskChanged(long incidentId, String actor, LocalDate openedOn, String contact, int inquiries)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.INQUIRY_DESK_CHANGED, this.inquiries, this.openedOn, this.contact, null);
		}

	}

	/** The register proposed a data set held by a system the incident names (台帳からの提案). */
	public record DataSetProposed(long incidentId, String actor, String description, String system,
			Integer peopleAtMost) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DATA_SET_PROPOSED, this.description, this.system, this.peopleAtMost, null);
		}

	}

	/** The lead confirmed a data set the register proposed. */
	public record DataSetConfirmed(long incidentId, String actor, String description) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DATA_SET_CONFIRMED, this.description, null, null, null);
		}

	}

	/** A proposal went with the system that is no longer named. */
	public record DataSetWithdrawn(long incidentId, String actor, String description, String system)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DATA_SET_WITHDRAWN, this.description, this.system, null, null);
		}

	}

}
