package jp.hikeshi.evidence;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

/**
 * What a file is, from its first bytes, and whether that contradicts what its name claims.
 * The name is only ever a claim: Hikeshi stores the bytes, never uses the name as a path, and
 * never serves evidence inline.
 */
final class FileTypes {

	static final String BINARY = "application/octet-stream";

	static final String TEXT = "text/plain";

	/** What an extension claims; extensions not listed claim nothing in particular. */
	private static final Map<String, String> CLAIMS = Map.ofEntries(Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
			Map.entry("docx", "application/zip"), Map.entry("xlsx", "application/zip"),
			Map.entry("gz", "application/gzip"), Map.entry("txt", TEXT), Map.entry("log", TEXT),
			Map.entry("csv", TEXT), Map.entry("json", TEXT), Map.entry("xml", TEXT), Map.entry("eml", TEXT),
			Map.entry("pcap", "application/vnd.tcpdump.pcap"));

	private FileTypes() {
	}

	static String detect(byte[] head, int length) {
		if (starts(head, length, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(head, length, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (starts(head, length, '%', 'P', 'D', 'F')) {
			return "application/pdf";
		}
		if (starts(head, length, 'P', 'K', 3, 4)) {
			return "application/zip";
		}
		if (starts(head, length, 0x1F, 0x8B)) {
			return "application/gzip";
		}
		if (starts(head, length, 0xD4, 0xC3, 0xB2, 0xA1) || starts(head, length, 0xA1, 0xB2, 0xC3, 0xD4)) {
			return "application/vnd.tcpdump.pcap";
		}
		return isText(head, length) ? TEXT : BINARY;
	}

	/** The type a file name claims, or {@code null} when its extension claims nothing known. */
	static String claimed(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot < 0) ? null : CLAIMS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** A name that says one known type over bytes of another is refused. */
	static boolean contradicts(String claimed, String detected) {
		return claimed != null && !claimed.equals(detected);
	}

	private static boolean starts(byte[] head, int length, int... magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isText(byte[] head, int length) {
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xFF;
			if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1B && b != '\f')) {
				return false;
			}
		}
		try {
			// the head may end inside a multi-byte character: ignore the last three bytes' validity
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, Math.max(0, length - 3)));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
