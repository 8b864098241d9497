package jp.hikeshi.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jp.hikeshi.calendar.HolidayCalendar;
import jp.hikeshi.calendar.HolidayUpload;
import jp.hikeshi.calendar.Holidays;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator keeps the national holidays the deadlines are counted with: the years held,
 * each year's holidays, who replaced which years, and a form taking a newer Cabinet Office file
 * without waiting for a release.
 */
@Controller
class HolidayAdminController {

	private static final String UPLOAD = "upload";

	private static final String LIST = "redirect:/admin/holidays";

	private final HolidayCalendar calendar;

	HolidayAdminController(HolidayCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/admin/holidays")
	String list(Model model) {
		Holidays holidays = this.calendar.current();
		model.addAttribute("holidays", holidays);
		model.addAttribute("years", holidays.byYear());
		model.addAttribute("uploads", this.calendar.uploads());
		model.addAttribute("maxMegabytes", HolidayCalendar.MAX_MEGABYTES);
		if (!model.containsAttribute(UPLOAD)) {
			model.addAttribute(UPLOAD, HolidayUploadForm.empty());
		}
		return "admin/holidays";
	}

	/** No {@code consumes}: a request that is not multipart has no file, and is told so. */
	@PostMapping("/admin/holidays")
	String upload(@ModelAttribute(UPLOAD) HolidayUploadForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (form.fileName() == null || form.fileName().isBlank()) {
			errors.rejectValue("file", "holidays.file.required");
		}
		HolidayUpload[] done = new HolidayUpload[1];
		if (!Refusals.accepted(errors, () -> done[0] = replace(form, user.getName()))) {
			return list(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("holidays.replaced", done[0].firstYear(), done[0].lastYear(),
				done[0].holidayCount()));
		return LIST;
	}

	/** A file over the container's limit never reaches the controller: the list again, with the limit. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooBig(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", Notice.of("holidays.file.tooLarge", HolidayCalendar.MAX_MEGABYTES));
		return LIST;
	}

	private HolidayUpload replace(HolidayUploadForm form, String actor) {
		try (InputStream content = form.content()) {
			return this.calendar.replace(form.fileName(), content, actor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
