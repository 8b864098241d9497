package jp.hikeshi.setup.web;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.PlainText;

/** The first-run page: the company and its first administrator. */
public class SetupForm {

	@NotBlank @Size(max = 200) @PlainText
	private String companyName;

	@NotNull
	private Industry industry;

	@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*")
	private String username;

	@NotBlank @Size(max = 100) @PlainText
	private String displayName;

	@Size(max = 254) @Email
	private String email;

	private Set<Role> additionalRoles;

	@NotBlank @Size(max = 200)
	private String password;

	@NotBlank @Size(max = 200)
	private String passwordConfirmation;

	public String getCompanyName() {
		return this.companyName;
	}

	public Industry getIndustry() {
		return this.industry;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public Set<Role> getAdditionalRoles() {
		return this.additionalRoles;
	}

	public String getPassword() {
		return this.password;
	}

	public String getPasswordConfirmation() {
		return this.passwordConfirmation;
	}

	public void setCompanyName(String companyName) {
		this.companyName = companyName;
	}

	public void setIndustry(Industry industry) {
		this.industry = industry;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public void setAdditionalRoles(Set<Role> additionalRoles) {
		this.additionalRoles = additionalRoles;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}

	/** Roles the first administrator may also take on. */
	static final Set<Role> OFFERED_ROLES = EnumSet.of(Role.SECURITY_LEAD, Role.EXECUTIVE);

	static SetupForm empty() {
		SetupForm form = new SetupForm();
		form.additionalRoles = EnumSet.copyOf(OFFERED_ROLES);
		return form;
	}

	boolean confirmed() {
		return this.password != null && this.password.equals(this.passwordConfirmation);
	}

	Settings company() {
		return new Settings(this.companyName, this.industry, null, ZoneId.of("Asia/Tokyo"));
	}

	Profile administrator() {
		return new Profile(this.displayName, null, this.email);
	}

	Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (this.additionalRoles != null) {
			this.additionalRoles.stream().filter(OFFERED_ROLES::contains).forEach(roles::add);
		}
		return roles;
	}

}
