package jp.hikeshi.register.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.register.Vendor;
import jp.hikeshi.register.VendorKind;
import jp.hikeshi.register.VendorService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendors of the register (委託先・取引業者) with whom to call when something happens: kept by
 * the security lead and the administrator, read by the executive.
 */
@Controller
@RequestMapping("/preparedness/vendors")
class VendorController {

	private static final String LIST = "register/vendors";

	private static final String PAGE = "register/vendor";

	private final VendorService vendors;

	VendorController(VendorService vendors) {
		this.vendors = vendors;
	}

	@ModelAttribute("kinds")
	List<VendorKind> kinds() {
		return List.of(VendorKind.values());
	}

	@ModelAttribute("mayEdit")
	boolean mayEdit(Authentication user) {
		Actor actor = Actor.of(user);
		return actor.has(Role.SECURITY_LEAD) || actor.has(Role.ADMIN);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", VendorForm.empty());
		return showList(model);
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") VendorForm form, BindingResult errors, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.vendors.add(form.toDetails(), user.getName()))) {
			return showList(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("vendor.added", form.name()));
		return "redirect:/preparedness/vendors";
	}

	@GetMapping("/{vendorId}")
	String page(@PathVariable("vendorId") long id, Model model) {
		Vendor vendor = found(id);
		model.addAttribute("form", VendorForm.of(vendor));
		return page(vendor, model);
	}

	@PostMapping("/{vendorId}")
	String change(@PathVariable("vendorId") long id, @Valid @ModelAttribute("form") VendorForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Vendor vendor = found(id);
		if (form.version() == null) {
			errors.reject(Refusals.CHANGED_MEANWHILE);
		}
		if (!Refusals.accepted(errors, () -> this.vendors.change(id, form.version(), form.toDetails(), user.getName()))) {
			return page(vendor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("vendor.changed", form.name()));
		return "redirect:/preparedness/vendors/" + id;
	}

	@PostMapping("/{vendorId}/remove")
	String remove(@PathVariable("vendorId") long id, @RequestParam long version, Authentication user, RedirectAttributes redirect) {
		Vendor vendor = found(id);
		if (Refusals.flash(redirect, () -> this.vendors.remove(id, version, user.getName()), "vendor.removed",
				vendor.getName())) {
			return "redirect:/preparedness/vendors";
		}
		return "redirect:/preparedness/vendors/" + id;
	}

	private String showList(Model model) {
		model.addAttribute("vendors", this.vendors.all());
		return LIST;
	}

	private String page(Vendor vendor, Model model) {
		model.addAttribute("vendor", vendor);
		model.addAttribute("systems", this.vendors.systemsOperatedBy(vendor.getId()));
		return PAGE;
	}

	private Vendor found(long id) {
		return this.vendors.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
