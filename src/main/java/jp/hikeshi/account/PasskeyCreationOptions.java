package jp.hikeshi.account;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps a registration's creation options in the session between the two requests of the
 * ceremony. Spring keeps the options object itself, which is not {@link Serializable}
 * (spring-security#16431) and so cannot live in the sessions in PostgreSQL: here the few values the
 * verification reads are kept and the options rebuilt from them, with Spring's own constants (its
 * verifier compares the credential type by identity, spring-security#17164).
 */
@Component
class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = PasskeyCreationOptions.class.getName();

	private static final List<PublicKeyCredentialParameters> KNOWN = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512);

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(ATTRIBUTE, Pending.of(options));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof Pending pending) ? pending.options() : null;
	}

	/** What the verification of the answer needs of the options. */
	record Pending(String rpId, String rpName, byte[] userId, String userName, String userDisplayName, byte[] challenge,
			long[] algorithms, String userVerification, String residentKey, Long timeoutMillis) implements Serializable {

		static Pending of(PublicKeyCredentialCreationOptions options) {
			AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
			return new Pending(options.getRp().getId(), options.getRp().getName(), options.getUser().getId().getBytes(),
					options.getUser().getName(), options.getUser().getDisplayName(), options.getChallenge().getBytes(),
					options.getPubKeyCredParams().stream().mapToLong(p -> p.getAlg().getValue()).toArray(),
					(selection.getUserVerification() == null) ? null : selection.getUserVerification().getValue(),
					(selection.getResidentKey() == null) ? null : selection.getResidentKey().getValue(),
					(options.getTimeout() == null) ? null : options.getTimeout().toMillis());
		}

		PublicKeyCredentialCreationOptions options() {
			return PublicKeyCredentialCreationOptions.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(this.rpId).name(this.rpName).build())
				.user(ImmutablePublicKeyCredentialUserEntity.builder()
					.id(new Bytes(this.userId))
					.name(this.userName)
					.displayName(this.userDisplayName)
					.build())
				.challenge(new Bytes(this.challenge))
				.pubKeyCredParams(Arrays.stream(this.algorithms)
					.boxed()
					.flatMap(alg -> KNOWN.stream().filter(known -> known.getAlg().getValue() == alg))
					.toList())
				.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(Stream
						.of(UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
								UserVerificationRequirement.DISCOURAGED)
						.filter(uv -> uv.getValue().equals(this.userVerification))
						.findFirst()
						.orElse(UserVerificationRequirement.REQUIRED))
					.residentKey(Stream
						.of(ResidentKeyRequirement.REQUIRED, ResidentKeyRequirement.PREFERRED,
								ResidentKeyRequirement.DISCOURAGED)
						.filter(rk -> rk.getValue().equals(this.residentKey))
						.findFirst()
						.orElse(ResidentKeyRequirement.REQUIRED))
					.build())
				.excludeCredentials(List.of())
				.timeout((this.timeoutMillis == null) ? null : Duration.ofMillis(this.timeoutMillis))
				.build();
		}

	}

}
