package jp.hikeshi.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a file a Japanese office made with Excel or a text editor: UTF-8 after a
 * byte-order mark, or where the bytes are valid UTF-8 (which Shift_JIS Japanese practically never
 * is), else Windows-31J — Shift_JIS as Excel on Japanese Windows saves it.
 */
public final class TextFiles {

	public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private TextFiles() {
	}

	/** The text, or empty when the bytes are neither (binary content, another encoding). */
	public static Optional<String> decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return strictly(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, 3, bytes.length - 3));
		}
		Optional<String> text = strictly(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes));
		return text.isPresent() ? text : strictly(WINDOWS_31J, ByteBuffer.wrap(bytes));
	}

	private static Optional<String> strictly(Charset charset, ByteBuffer bytes) {
		try {
			return Optional.of(charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
