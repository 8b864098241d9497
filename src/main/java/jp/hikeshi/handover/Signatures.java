package jp.hikeshi.handover;

/**
 * The block under a document's title (作成者・承認者・日付), as names with departments and
 * dates in the document's language — never login names.
 * @param preparedBy the incident's responsible person, or whoever prepared the document when none was named yet
 * @param approvedBy the executive who approved closing the incident, or {@code null}: then a blank line to sign on
 * @param approvedOn the day closing was approved, or {@code null}
 * @param today the day the document is made, in the company's time zone
 */
public record Signatures(String preparedBy, String approvedBy, String approvedOn, String today) {
}
