package jp.hikeshi.register.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.register.ImportRefused;
import jp.hikeshi.register.RegisterSpreadsheet;
import jp.hikeshi.register.SystemService;
import jp.hikeshi.register.SystemService.ImportSummary;
import jp.hikeshi.shared.web.Notice;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register as a spreadsheet: exported as CSV (for Excel in Japanese) or .xlsx, a sample to
 * start from, and an import that takes either back — all or nothing, with a report of every line
 * it refused and why.
 */
@Controller
@RequestMapping("/preparedness/systems")
class RegisterFileController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final String UPLOAD = "upload";

	private final SystemService service;

	private final RegisterSpreadsheet spreadsheet;

	RegisterFileController(SystemService service, RegisterSpreadsheet spreadsheet) {
		this.service = service;
		this.spreadsheet = spreadsheet;
	}

	/** The file to import, as the form sends it. */
	record UploadForm(MultipartFile file) {
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> csv() throws IOException {
		return csv(this.service.exportRows(), "register.csv");
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> xlsx() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.spreadsheet.writeXlsx(this.service.exportRows(), out);
		return download(out.toByteArray(), XLSX, "register.xlsx");
	}

	/** A file to start from: the columns and two example lines. */
	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() throws IOException {
		return csv(List.of(
				List.of("会員サイト", "ECサイト", "レンタルサーバー", "営業部 佐藤", "さくらホスティング", "はい", "バックアップあり",
						"ホスティング会社の別拠点", "", "会員名簿", "氏名、住所、電話番号、カード番号", "顧客", "", "1200", "いいえ", "はい",
						"いいえ", "いいえ", "", ""),
				List.of("経理PC", "パソコン", "本社2階", "総務部 鈴木", "", "いいえ", "なし", "", "", "給与台帳", "氏名、口座番号、マイナンバー",
						"従業員", "", "25", "いいえ", "はい", "はい", "はい", "BitLocker", "総務部長が金庫で保管")),
				"register-template.csv");
	}

	@GetMapping("/import")
	String importForm(Model model) {
		if (!model.containsAttribute(UPLOAD)) {
			model.addAttribute(UPLOAD, new UploadForm(null));
		}
		model.addAttribute("maxMegabytes", RegisterSpreadsheet.MAX_BYTES / 1024 / 1024);
		model.addAttribute("maxLines", RegisterSpreadsheet.MAX_LINES);
		return "register/import";
	}

	/** No {@code consumes}: a request that is not multipart has no file, and is told so. */
	@PostMapping("/import")
	String importFile(@ModelAttribute(UPLOAD) UploadForm form, BindingResult errors, Authentication user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MultipartFile file = form.file();
		if (file == null || file.isEmpty()) {
			errors.rejectValue("file", "register.import.file.required");
			response.setStatus(422);
			return importForm(model);
		}
		ImportSummary summary;
		try (InputStream content = file.getInputStream()) {
			byte[] bytes = content.readNBytes(RegisterSpreadsheet.MAX_BYTES + 1);
			summary = this.service.importFile(bytes, file.getOriginalFilename(), user.getName());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ImportRefused refused) {
			model.addAttribute("problems", refused.problems());
			response.setStatus(422);
			return importForm(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("register.import.done", summary.added(), summary.changed(),
				summary.newVendors().size(), String.join("、", summary.newVendors()), summary.newClients().size(),
				String.join("、", summary.newClients())));
		return "redirect:/preparedness/systems";
	}

	private ResponseEntity<byte[]> csv(List<List<String>> rows, String name) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.spreadsheet.writeCsv(rows, out);
		return download(out.toByteArray(), CSV, name);
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
