package jp.hikeshi.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Size;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditSearch;
import jp.hikeshi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The audit page's filters, from the query string: a kind (one, or every sign-in event), a
 * person, the start of an address, and a range of days in the company's time zone.
 */
public class AuditFilterForm {

	/** The value that stands for every sign-in event. */
	static final String SIGN_IN = "SIGN_IN";

	@Size(max = 40)
	private String kind;

	@Size(max = 200)
	private String person;

	@Size(max = 45)
	private String address;

	// days outside the plausible range are typing mistakes, not a search
	@PlausibleDate
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@PlausibleDate
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	// any number is read; the controller keeps it within the pages there can be (Paging)
	private int page;

	/** What the bean annotations cannot say: a known kind, an address's form, days in order. */
	void check(BindingResult errors) {
		if (this.kind != null && !this.kind.isBlank() && !errors.hasFieldErrors("kind") && actions() == null) {
			errors.rejectValue("kind", "audit.filter.unknownKind");
		}
		// an address or its start: digits, hexadecimal letters, dots and colons (IPv4, IPv6)
		if (this.address != null && !errors.hasFieldErrors("address") && !this.address.strip().matches("[0-9A-Fa-f:.]*")) {
			errors.rejectValue("address", "audit.filter.addressForm");
		}
		if (this.from != null && this.to != null && this.from.isAfter(this.to) && !errors.hasFieldErrors("from")
				&& !errors.hasFieldErrors("to")) {
			errors.rejectValue("to", "audit.filter.toBeforeFrom");
		}
	}

	/** The kinds chosen; none for all, {@code null} for a kind that does not exist. */
	private Set<AuditAction> actions() {
		if (this.kind == null || this.kind.isBlank()) {
			return Set.of();
		}
		if (SIGN_IN.equals(this.kind)) {
			return AuditAction.SIGN_IN;
		}
		for (AuditAction action : AuditAction.values()) {
			if (action.name().equals(this.kind)) {
				return EnumSet.of(action);
			}
		}
		return null;
	}

	AuditSearch toSearch(ZoneId zone) {
		return new AuditSearch(actions(), this.person, this.address,
				(this.from == null) ? null : this.from.atStartOfDay(zone).toInstant(),
				(this.to == null) ? null : this.to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getPerson() {
		return this.person;
	}

	public void setPerson(String person) {
		this.person = person;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return this.to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
