package jp.hikeshi.evidence.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.validation.constraints.Size;

import jp.hikeshi.evidence.NewEvidence;
import jp.hikeshi.shared.PlainText;

import org.springframework.web.multipart.MultipartFile;

/**
 * The forms of the evidence pages. Whether something was filled in at all is the service's rule
 * (with its own words: "say to whom it was handed over"); the forms check only the shape of
 * what was typed. Texts arrive trimmed, blanks as {@code null} ({@code FormBinding}).
 */
public final class EvidenceForms {

	private EvidenceForms() {
	}

	/**
	 * A file to keep. When the page comes back with an error, the browser has forgotten the
	 * chosen file (no page can set it again), so the page asks for it once more.
	 */
	public record UploadForm(MultipartFile file, @Size(max = 500) @PlainText String collectedFrom,
			@Size(max = 1000) @PlainText(multiline = true) String description) {

		static UploadForm empty() {
			return new UploadForm(null, null, null);
		}

		NewEvidence toCommand() {
			return new NewEvidence((this.file == null) ? null : this.file.getOriginalFilename(), this.collectedFrom,
					this.description);
		}

		/** The file's bytes; none when no file was sent, which the service refuses as empty. */
		InputStream content() throws IOException {
			return (this.file == null) ? InputStream.nullInputStream() : this.file.getInputStream();
		}

	}

	/** To whom the evidence was handed over (police, a forensics company …). */
	public record HandOverForm(@Size(max = 1000) @PlainText String recipient) {

		static HandOverForm empty() {
			return new HandOverForm(null);
		}

	}

	/** Why the content is deleted; the reason stays with the tombstone and on the timeline. */
	public record DeletionForm(@Size(max = 1000) @PlainText String reason) {

		static DeletionForm empty() {
			return new DeletionForm(null);
		}

	}

}
