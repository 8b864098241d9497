package jp.hikeshi.account;

import java.io.Serializable;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What a sign-in owes, decided when it happens: a person with a second factor enrolled must use
 * it; a person whose role requires one and who has none must enrol one before going on.
 * @param accountId the person's account
 * @param required a second factor is owed
 * @param enrolled the person had one enrolled at sign-in
 */
public record SecondFactorRequirement(long accountId, boolean required, boolean enrolled) implements Serializable {

	static SecondFactorRequirement of(long accountId, Set<Role> roles, SecondFactorPolicy policy,
			ObjectProvider<FactorEnrolments> enrolments) {
		boolean enrolled = enrolments.orderedStream().anyMatch(kind -> kind.hasAny(accountId));
		return new SecondFactorRequirement(accountId, enrolled || policy.requiresAny(roles), enrolled);
	}

}
