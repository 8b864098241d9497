package jp.hikeshi.incident;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * What other modules want said on an incident's page (the reports owed and their deadlines,
 * say), without the incident module depending on them.
 */
public interface IncidentNotices {

	List<Notice> noticesFor(Incident incident);

	/**
	 * One line: a message and how urgent it is ({@code OVERDUE}, {@code DUE_SOON}, …).
	 * @param message resolved in the reader's language, arguments included
	 */
	record Notice(MessageSourceResolvable message, String urgency) {
	}

}
