package jp.hikeshi.calendar.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.web.multipart.MultipartFile;

/**
 * The Cabinet Office's holiday file to replace the years it covers. A page shown again after a
 * refusal has lost the chosen file (no page can set it), so it asks for it once more.
 */
public record HolidayUploadForm(MultipartFile file) {

	static HolidayUploadForm empty() {
		return new HolidayUploadForm(null);
	}

	String fileName() {
		return (this.file == null) ? null : this.file.getOriginalFilename();
	}

	/** The file's bytes; none when no file was sent, which is refused as empty. */
	InputStream content() throws IOException {
		return (this.file == null) ? InputStream.nullInputStream() : this.file.getInputStream();
	}

}
