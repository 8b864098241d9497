package jp.hikeshi.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.evidence.Evidence;
import jp.hikeshi.evidence.EvidenceService;
import jp.hikeshi.evidence.EvidenceTampered;
import jp.hikeshi.evidence.web.EvidenceForms.DeletionForm;
import jp.hikeshi.evidence.web.EvidenceForms.HandOverForm;
import jp.hikeshi.evidence.web.EvidenceForms.UploadForm;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence of an incident (証拠保全): upload, the chain of custody, download with the hash
 * checked, hand-over, litigation hold and deletion with a reason. Files are always served as
 * attachments with nosniff, never rendered by the app. A refused form comes back with its
 * errors beside the fields and what was typed still in them (the chosen file excepted: no
 * browser keeps it).
 */
@Controller
class EvidenceController {

	/** Whether the person may preserve or delete evidence, asked of the service that enforces it. */
	@ModelAttribute("mayHoldOrDelete")
	boolean mayHoldOrDelete(Authentication user) {
		return (user != null) && this.evidence.mayHoldOrDelete(Actor.of(user));
	}

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String UPLOAD = "upload";

	private static final String HAND_OVER = "handOver";

	private static final String DELETION = "deletion";

	private static final Pattern EVIDENCE = Pattern.compile("/incidents/(\\d+)/evidence");

	private final EvidenceService evidence;

	private final IncidentService incidents;

	EvidenceController(EvidenceService evidence, IncidentService incidents) {
		this.evidence = evidence;
		this.incidents = incidents;
	}

	@GetMapping("/incidents/{id}/evidence")
	String list(@PathVariable long id, Authentication user, Model model) {
		return list(id, Actor.of(user), model);
	}

	/** No {@code consumes}: a request that is not multipart has no file, and is told so after the 404 check. */
	@PostMapping("/incidents/{id}/evidence")
	String upload(@PathVariable long id, @Valid @ModelAttribute(UPLOAD) UploadForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		this.incidents.find(id, actor);
		AtomicReference<Evidence> stored = new AtomicReference<>();
		if (!Refusals.accepted(errors, () -> stored.set(collect(id, actor, form)))) {
			return list(id, actor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("evidence.collectedNotice"));
		return back(id, stored.get().id());
	}

	@GetMapping("/incidents/{id}/evidence/{evidenceId}")
	String detail(@PathVariable long id, @PathVariable long evidenceId, Authentication user, Model model) {
		return detail(id, evidenceId, Actor.of(user), model);
	}

	/**
	 * Served only when its content matches its hash and the hash its seal; otherwise {@link #tampered}.
	 * A deleted file is gone: the translated 410 page says so (the output stream is opened only for
	 * content, so a refusal is never an empty file answered 200).
	 */
	@GetMapping("/incidents/{id}/evidence/{evidenceId}/download")
	String download(@PathVariable long id, @PathVariable long evidenceId, Authentication user,
			HttpServletResponse response) throws IOException {
		Actor actor = Actor.of(user);
		Evidence item = this.evidence.find(id, evidenceId, actor);
		if (item.isDeleted()) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return "error/410";
		}
		this.evidence.download(id, evidenceId, actor, () -> attachment(response, item, true),
				response::getOutputStream);
		return null;
	}

	/**
	 * Evidence that does not match, taken all the same by someone who says why (a POST, so that no
	 * link or prefetch does it): a custody entry and a timeline line, then the content as it is.
	 */
	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/download-anyway", consumes = FORM)
	String downloadAnyway(@PathVariable long id, @PathVariable long evidenceId, DownloadAnywayForm form,
			Authentication user, HttpServletResponse response) {
		Actor actor = Actor.of(user);
		Evidence item = this.evidence.find(id, evidenceId, actor);
		if (item.isDeleted()) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return "error/410";
		}
		this.evidence.downloadAnyway(id, evidenceId, actor, form.reason(), () -> attachment(response, item, false),
				response::getOutputStream);
		return null;
	}

	/**
	 * 409 Conflict, not 410 or 500: the evidence is there, but its state (content or seal that no
	 * longer matches what was recorded) conflicts with serving it as verified evidence. The page
	 * says so and offers the audited "download anyway". Rendered here because the download
	 * handlers write their own response.
	 */
	@ExceptionHandler(EvidenceTampered.class)
	org.springframework.web.servlet.ModelAndView tampered(EvidenceTampered tampered, HttpServletResponse response) {
		Actor actor = Actor.of(org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication());
		org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView(
				"evidence/tampered", HttpStatus.CONFLICT);
		page.addObject("incident", this.incidents.find(tampered.incidentId(), actor));
		page.addObject("item", this.evidence.find(tampered.incidentId(), tampered.evidenceId(), actor));
		page.addObject("anyway", new DownloadAnywayForm(tampered.typed()));
		page.addObject("refusal", tampered.refusal());
		page.addObject("maxReason", EvidenceService.MAX_REASON);
		return page;
	}

	/** Why evidence that does not match is downloaded all the same; checked by the service. */
	record DownloadAnywayForm(String reason) {
	}

	private static void attachment(HttpServletResponse response, Evidence item, boolean verified) {
		response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
		response.setContentLengthLong(item.sizeBytes());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(item.fileName(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Evidence-SHA256", item.sha256());
		response.setHeader("X-Evidence-Verified", Boolean.toString(verified));
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/verify", consumes = FORM)
	String verify(@PathVariable long id, @PathVariable long evidenceId, Authentication user,
			RedirectAttributes redirect) {
		AtomicBoolean intact = new AtomicBoolean();
		boolean checked = Refusals.flash(redirect,
				() -> intact.set(this.evidence.verify(id, evidenceId, Actor.of(user))), "evidence.verified");
		if (checked && !intact.get()) {
			// not a refusal but a finding, and an alarming one: it is shown as a problem
			redirect.getFlashAttributes().remove("notice");
			redirect.addFlashAttribute("problem", Notice.of("evidence.tampered"));
		}
		return back(id, evidenceId);
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/handover", consumes = FORM)
	String handOver(@PathVariable long id, @PathVariable long evidenceId,
			@Valid @ModelAttribute(HAND_OVER) HandOverForm form, BindingResult errors, Authentication user, Model model,
			RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.evidence.handOver(id, evidenceId, actor, form.recipient()))) {
			return detail(id, evidenceId, actor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("evidence.handedOver", form.recipient()));
		return back(id, evidenceId);
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/hold", consumes = FORM)
	String hold(@PathVariable long id, @PathVariable long evidenceId, Authentication user,
			RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.evidence.hold(id, evidenceId, Actor.of(user)), "evidence.held");
		return back(id, evidenceId);
	}

	@PostMapping(path = "/incidents/{id}/evidence/{evidenceId}/delete", consumes = FORM)
	String delete(@PathVariable long id, @PathVariable long evidenceId,
			@Valid @ModelAttribute(DELETION) DeletionForm form, BindingResult errors, Authentication user, Model model,
			RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.evidence.delete(id, evidenceId, actor, form.reason()))) {
			return detail(id, evidenceId, actor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("evidence.deletedNotice"));
		return back(id, evidenceId);
	}

	/**
	 * A file over the container's limit never reaches the controller, nor do the fields sent
	 * with it: the list again, with the limit, answered 413 (no redirect, so that an upload sent
	 * by upload.js shows the same page as a plain form would). The body is parsed before any
	 * controller is chosen, so {@link UploadTooLarge} calls this.
	 */
	String tooBig(HttpServletRequest request, Authentication user, Model model) {
		Matcher path = EVIDENCE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!path.matches()) {
			return "error/413";
		}
		model.addAttribute("problem", Notice.of("evidence.tooBig", megabytes()));
		return list(Long.parseLong(path.group(1)), Actor.of(user), model);
	}

	private String list(long id, Actor actor, Model model) {
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("evidence", this.evidence.of(id, actor));
		model.addAttribute("maxMegabytes", megabytes());
		model.addAttribute("maxBytes", this.evidence.maxBytes());
		if (!model.containsAttribute(UPLOAD)) {
			model.addAttribute(UPLOAD, UploadForm.empty());
		}
		return "evidence/list";
	}

	private String detail(long id, long evidenceId, Actor actor, Model model) {
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("item", this.evidence.find(id, evidenceId, actor));
		model.addAttribute("custody", this.evidence.custody(id, evidenceId, actor));
		if (!model.containsAttribute(HAND_OVER)) {
			model.addAttribute(HAND_OVER, HandOverForm.empty());
		}
		if (!model.containsAttribute(DELETION)) {
			model.addAttribute(DELETION, DeletionForm.empty());
		}
		return "evidence/detail";
	}

	private Evidence collect(long id, Actor actor, UploadForm form) {
		try (InputStream content = form.content()) {
			return this.evidence.collect(id, actor, form.toCommand(), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	private long megabytes() {
		return this.evidence.maxBytes() / (1024 * 1024);
	}

	private static String back(long id, long evidenceId) {
		return "redirect:/incidents/" + id + "/evidence/" + evidenceId;
	}

}
