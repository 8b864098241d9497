package jp.hikeshi.evidence;

/**
 * What is said about a file kept as evidence; its content comes beside it, as a stream.
 * {@code fileName} is only a claim: it is cleaned before it is shown ({@link FileNames}).
 */
public record NewEvidence(String fileName, String collectedFrom, String description) {
}
