package jp.hikeshi.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.api.FactsBody.FactsDataKind;
import jp.hikeshi.register.Backup;
import jp.hikeshi.register.HeldData;
import jp.hikeshi.register.Register.DataEntry;
import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.register.RegisteredSystem;
import jp.hikeshi.register.SystemChange;
import jp.hikeshi.register.SystemKind;
import jp.hikeshi.register.Whose;
import jp.hikeshi.shared.PlainText;

/**
 * A system of the register as the API reads and writes it. Its data sets use the names and
 * meanings of step 2's facts ({@link FactsBody.FactsDataSet}): {@code kinds}, {@code whose},
 * {@code peopleMaximum}, {@code items}, {@code encryptionMethod}; the register adds
 * {@code encrypted}, {@code keyCustody} and {@code clientId}. Every rule stays in the register.
 */
@Schema(name = "System", description = "A system or service of the register (資産・情報の台帳) and the personal data it holds.")
record SystemBody(
		@Schema(description = "The system's id (in answers only).", accessMode = Schema.AccessMode.READ_ONLY) Long id,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique among the systems in use, whatever the case.")
		@Size(max = RegisteredSystem.MAX_NAME) @PlainText String name,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) SystemKind kind,
		@Schema(description = "Where it runs: the office, a data centre, the vendor's cloud.")
		@Size(max = RegisteredSystem.MAX_LOCATION) @PlainText String location,
		@Schema(description = "The person or department responsible for it.")
		@Size(max = RegisteredSystem.MAX_OWNER) @PlainText String owner,
		@Schema(description = "The vendor that operates it (a vendor of the register); left out: run by the company.")
		Long vendorId,
		@Schema(description = "Reachable from the internet. Left out: no.") Boolean internetFacing,
		@Schema(description = "Left out: UNKNOWN.") Backup backup,
		@Schema(description = "Where the backup lives: only with BACKED_UP.")
		@Size(max = RegisteredSystem.MAX_BACKUP_LOCATION) @PlainText String backupLocation,
		@Size(max = RegisteredSystem.MAX_NOTE) @PlainText(multiline = true) String note,
		@Schema(description = "The personal data it holds, in order.")
		@Valid @Size(max = RegisteredSystem.MAX_DATA_SETS) List<@NotNull @Valid SystemDataSet> dataSets) {

	static SystemBody of(SystemEntry system, String note) {
		return new SystemBody(system.id(), system.name(), system.kind(), system.location(), system.owner(),
				(system.vendor() != null) ? system.vendor().id() : null, system.internetFacing(), system.backup(),
				system.backupLocation(), note, system.dataSets().stream().map(SystemDataSet::of).toList());
	}

	SystemChange change() {
		List<SystemDataSet> sets = (this.dataSets == null) ? List.of() : this.dataSets;
		return new SystemChange(new RegisteredSystem.Details(this.name, this.kind, this.location, this.owner,
				this.vendorId, FactsBody.yes(this.internetFacing), this.backup, this.backupLocation, this.note),
				sets.stream().map(SystemDataSet::details).toList());
	}

	/** A set of personal data the system holds, named as step 2's data sets are. */
	@Schema(name = "SystemDataSet", description = "Personal data a system holds (a customer list, the payroll file).")
	record SystemDataSet(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its name: 「会員名簿」.")
			@Size(max = HeldData.MAX_DESCRIPTION) @PlainText String description,
			@Schema(description = "As in step 2's facts: ORDINARY is none of the other kinds; left out or empty: ORDINARY.")
			@Size(max = 4) List<@NotNull FactsDataKind> kinds,
			@Schema(description = "Left out: CUSTOMERS. CLIENT needs clientId.") Whose whose,
			@Schema(description = "The client (委託元) whose data it is: only with whose = CLIENT.") Long clientId,
			@Schema(description = "The maximum number of people the data concerns, 0 to 100,000,000; left out: not known.")
			Integer peopleMaximum,
			@Schema(description = "The data items: name, address, card number …")
			@Size(max = HeldData.MAX_ITEMS) @PlainText(multiline = true) String items,
			@Schema(description = "Left out: no.") Boolean encrypted,
			@Schema(description = "Only when encrypted.") @Size(max = HeldData.MAX_ENCRYPTION) @PlainText String encryptionMethod,
			@Schema(description = "Who keeps the key, and where: only when encrypted.")
			@Size(max = HeldData.MAX_ENCRYPTION) @PlainText String keyCustody) {

		static SystemDataSet of(DataEntry data) {
			List<FactsDataKind> kinds = new ArrayList<>();
			if (data.sensitive()) {
				kinds.add(FactsDataKind.SENSITIVE);
			}
			if (data.financial()) {
				kinds.add(FactsDataKind.FINANCIAL);
			}
			if (data.myNumber()) {
				kinds.add(FactsDataKind.MY_NUMBER);
			}
			if (kinds.isEmpty()) {
				kinds.add(FactsDataKind.ORDINARY);
			}
			return new SystemDataSet(data.description(), kinds, data.whose(),
					(data.client() != null) ? data.client().id() : null, data.peopleCount(), data.items(),
					data.encrypted(), data.encryptionMethod(), data.keyCustody());
		}

		Set<FactsDataKind> specialKinds() {
			Set<FactsDataKind> special = EnumSet.noneOf(FactsDataKind.class);
			if (this.kinds != null) {
				special.addAll(this.kinds);
			}
			special.remove(FactsDataKind.ORDINARY);
			return special;
		}

		boolean ordinaryWithOthers() {
			return this.kinds != null && this.kinds.contains(FactsDataKind.ORDINARY) && !specialKinds().isEmpty();
		}

		HeldData.Details details() {
			Set<FactsDataKind> special = specialKinds();
			return new HeldData.Details(this.description, this.items, this.whose, this.clientId, this.peopleMaximum,
					special.contains(FactsDataKind.SENSITIVE), special.contains(FactsDataKind.FINANCIAL),
					special.contains(FactsDataKind.MY_NUMBER), FactsBody.yes(this.encrypted), this.encryptionMethod,
					this.keyCustody);
		}

	}

}
