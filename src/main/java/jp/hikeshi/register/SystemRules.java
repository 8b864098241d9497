package jp.hikeshi.register;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

/**
 * What the register accepts of a system, one rule a refusal: the lengths are the columns', a
 * count is between 0 and {@value HeldData#MAX_PEOPLE}, a client's data names the client, an
 * encryption method and key custody only for encrypted data, a backup location only for a system
 * that is backed up. Every refusal names its field ({@code dataSets[2].peopleCount}), so a form
 * shows it beside the field, the API points at it and an import reports it by column.
 */
final class SystemRules {

	private SystemRules() {
	}

	/** One refusal: the field, the message code and its arguments. */
	record Refusal(String field, String code, Object... arguments) {

		BusinessRuleViolation violation() {
			return BusinessRuleViolation.onField(this.field, this.code, this.arguments);
		}

	}

	/**
	 * Every refusal of {@code change}; the name's uniqueness is the caller's to check (it needs
	 * the other systems).
	 */
	static List<Refusal> check(SystemChange change, LongPredicate vendorExists, LongPredicate clientExists) {
		List<Refusal> refusals = new ArrayList<>();
		RegisteredSystem.Details system = change.system();
		if (system.name() == null || system.name().isBlank()) {
			refusals.add(new Refusal("name", "register.system.name.required"));
		}
		text(refusals, "name", system.name(), RegisteredSystem.MAX_NAME, false);
		if (system.kind() == null) {
			refusals.add(new Refusal("kind", "register.system.kind.required"));
		}
		text(refusals, "location", system.location(), RegisteredSystem.MAX_LOCATION, false);
		text(refusals, "owner", system.owner(), RegisteredSystem.MAX_OWNER, false);
		text(refusals, "backupLocation", system.backupLocation(), RegisteredSystem.MAX_BACKUP_LOCATION, false);
		text(refusals, "note", system.note(), RegisteredSystem.MAX_NOTE, true);
		if (system.vendorId() != null && !vendorExists.test(system.vendorId())) {
			refusals.add(new Refusal("vendorId", "register.system.vendor.unknown"));
		}
		if (system.backup() != Backup.BACKED_UP && !blank(system.backupLocation())) {
			refusals.add(new Refusal("backupLocation", "register.system.backupLocation.notBackedUp"));
		}
		if (change.dataSets().size() > RegisteredSystem.MAX_DATA_SETS) {
			refusals.add(new Refusal("dataSets", "register.system.dataSets.tooMany", RegisteredSystem.MAX_DATA_SETS));
			return refusals;
		}
		for (int i = 0; i < change.dataSets().size(); i++) {
			check(refusals, "dataSets[" + i + "].", change.dataSets().get(i), clientExists);
		}
		return refusals;
	}

	private static void check(List<Refusal> refusals, String prefix, HeldData.Details data,
			LongPredicate clientExists) {
		if (blank(data.description())) {
			refusals.add(new Refusal(prefix + "description", "register.data.description.required"));
		}
		text(refusals, prefix + "description", data.description(), HeldData.MAX_DESCRIPTION, false);
		text(refusals, prefix + "items", data.items(), HeldData.MAX_ITEMS, true);
		text(refusals, prefix + "encryptionMethod", data.encryptionMethod(), HeldData.MAX_ENCRYPTION, false);
		text(refusals, prefix + "keyCustody", data.keyCustody(), HeldData.MAX_ENCRYPTION, false);
		if (data.whose() == Whose.CLIENT) {
			if (data.clientId() == null) {
				refusals.add(new Refusal(prefix + "clientId", "register.data.client.required"));
			}
			else if (!clientExists.test(data.clientId())) {
				refusals.add(new Refusal(prefix + "clientId", "register.data.client.unknown"));
			}
		}
		else if (data.clientId() != null) {
			refusals.add(new Refusal(prefix + "clientId", "register.data.client.notClients"));
		}
		if (data.peopleCount() != null && (data.peopleCount() < 0 || data.peopleCount() > HeldData.MAX_PEOPLE)) {
			refusals.add(new Refusal(prefix + "peopleCount", "register.data.peopleCount.range", HeldData.MAX_PEOPLE));
		}
		if (!data.encrypted()) {
			if (!blank(data.encryptionMethod())) {
				refusals.add(new Refusal(prefix + "encryptionMethod", "register.data.encryption.notEncrypted"));
			}
			if (!blank(data.keyCustody())) {
				refusals.add(new Refusal(prefix + "keyCustody", "register.data.encryption.notEncrypted"));
			}
		}
	}

	private static void text(List<Refusal> refusals, String field, String value, int max, boolean multiline) {
		if (value == null) {
			return;
		}
		if (value.strip().length() > max) {
			refusals.add(new Refusal(field, "register.tooLong", max));
		}
		else if (!PlainTextValidator.isPlain(value, multiline)) {
			refusals.add(new Refusal(field, "PlainText"));
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
