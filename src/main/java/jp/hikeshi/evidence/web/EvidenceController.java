package jp.hikeshi.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.Actor;
import jp.hikeshi.evidence.Evidence;
import jp.hikeshi.evidence.EvidenceService;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence of an incident (証拠保全): upload, the chain of custody, download with the hash
 * checked, hand-over, litigation hold and deletion with a reason. Files are always served as
 * attachments with nosniff, never rendered by the app.
 */
@Controller
class EvidenceController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final EvidenceService evidence;

	private final IncidentService incidents;

	EvidenceController(EvidenceService evidence, IncidentService incidents) {
		this.evidence = evidence;
		this.incidents = incidents;
	}

	@GetMapping("/incidents/{id}/evidence")
	String list(@PathVariable long id, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("evidence", this.evidence.of(id, actor));
		model.addAttribute("maxMegabytes", this.evidence.maxBytes() / (1024 * 1024));
		return "evidence/list";
	}

	/** No {@code consumes}: a request that is not multipart has no file, and is told so after the 404 check. */
	@PostMapping("/incidents/{id}/evidence")
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String collectedFrom, @RequestParam(required = false) String description,
			Authentication user, RedirectAttributes redirect) throws IOException {
		Actor actor = Actor.of(user);
		this.incidents.find(id, actor);
		// blank fields arrive as null: the form binding trims every text field
		String from = text(collectedFrom);
		description = text(description);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problem", "evidence.empty");
		}
		else if (from.isEmpty() || from.length() > 500 || description.length() > 1000
				|| !plain(from) || !plain(description)) {
			redirect.addFlashAttribute("problem", "evidence.detailsInvalid");
		}
		else {
			try (InputStream content = file.getInputStream()) {
				Evidence stored = this.evidence.collect(id, actor, file.getOriginalFilename(), content, from,
						description.isBlank() ? null : description.strip());
				redirect.addFlashAttribute("notice", "evidence.collectedNotice");
				return "redirect:/incidents/" + id + "/evidence/" + stored.id();
			}
			catch (BusinessRuleViolation violation) {
				redirect.addFlashAttribute("problem", violation.code());
			}
		}
		return "redirect:/incidents/" + id + "/evidence";
	}

	@GetMapping("/incidents/{id}/evidence/{evidenceId}")
	String detail(@PathVariable long id, @PathVariable long evidenceId, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("item", this.evidence.find(id, evidenceId, actor));
		model.addAttribute("custody", this.evidence.custody(id, evidenceId, actor));
		return "evidence/detail";
	}

	@GetMapping("/incidents/{id}/evidence/{evidenceId}/download")
	void download(@PathVariable long id, @PathVariable long evidenceId, Authentication user,
			HttpServletResponse response) throws IOException {
		Actor actor = Actor.of(user);
		Evidence item = this.evidence.find(id, evidenceId, actor);
		try (OutputStream out = response.getOutputStream()) {
			this.evidence.download(id, evidenceId, actor, intact -> {
				response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
				response.setContentLengthLong(item.sizeBytes());
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename(item.fileName(), StandardCharsets.UTF_8)
					.build()
					.toString());
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Evidence-SHA256", item.sha256());
				response.setHeader("X-Evidence-Verified", Boolean.toString(intact));
			}, out);
		}
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/verify", consumes = FORM)
	String verify(@PathVariable long id, @PathVariable long evidenceId, Authentication user,
			RedirectAttributes redirect) {
		return attempt(id, evidenceId, redirect, () -> this.evidence.verify(id, evidenceId, Actor.of(user))
				? "evidence.verified" : "evidence.tampered");
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/handover", consumes = FORM)
	String handOver(@PathVariable long id, @PathVariable long evidenceId,
			@RequestParam(name = "recipient", required = false) String given, Authentication user,
			RedirectAttributes redirect) {
		String recipient = text(given);
		if (recipient.length() > 1000 || !plain(recipient)) {
			redirect.addFlashAttribute("problem", "evidence.detailsInvalid");
			return back(id, evidenceId);
		}
		return attempt(id, evidenceId, redirect, () -> {
			this.evidence.handOver(id, evidenceId, Actor.of(user), recipient.strip());
			return "evidence.handedOver";
		});
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/hold", consumes = FORM)
	String hold(@PathVariable long id, @PathVariable long evidenceId, Authentication user,
			RedirectAttributes redirect) {
		return attempt(id, evidenceId, redirect, () -> {
			this.evidence.hold(id, evidenceId, Actor.of(user));
			return "evidence.held";
		});
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/delete", consumes = FORM)
	String delete(@PathVariable long id, @PathVariable long evidenceId,
			@RequestParam(name = "reason", required = false) String given, Authentication user,
			RedirectAttributes redirect) {
		String reason = text(given);
		if (reason.length() > 1000 || !plain(reason)) {
			redirect.addFlashAttribute("problem", "evidence.detailsInvalid");
			return back(id, evidenceId);
		}
		return attempt(id, evidenceId, redirect, () -> {
			this.evidence.delete(id, evidenceId, Actor.of(user), reason.strip());
			return "evidence.deletedNotice";
		});
	}

	/** A file over the container's limit never reaches the service: the same message. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooBig(RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
		redirect.addFlashAttribute("problem", "evidence.tooBig");
		String path = request.getRequestURI();
		return "redirect:" + (path.matches("/incidents/\\d+/evidence") ? path : "/");
	}

	private String attempt(long id, long evidenceId, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			String notice = action.get();
			redirect.addFlashAttribute(notice.equals("evidence.tampered") ? "problem" : "notice", notice);
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return back(id, evidenceId);
	}

	private static String back(long id, long evidenceId) {
		return "redirect:/incidents/" + id + "/evidence/" + evidenceId;
	}

	private static String text(String value) {
		return (value == null) ? "" : value.strip();
	}

	private static boolean plain(String text) {
		return PlainTextValidator.isPlain(text, true);
	}

}
