package jp.hikeshi.account;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey made by hand (an ES256 key and a "none" attestation, in the few bytes of CBOR that
 * takes), so that tests can send Spring's endpoints exactly what a browser would — or the same
 * with another site's origin or another RP id — and Spring's real verification judges it.
 */
final class HandMadePasskey {

	static final String ORIGIN = "http://localhost:8080";

	static final String RP_ID = "localhost";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte UP = 0x01;

	private static final byte UV = 0x04;

	private static final byte AT = 0x40;

	private final KeyPair keys;

	private final byte[] credentialId = new byte[16];

	private int signCount;

	HandMadePasskey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(this.credentialId);
	}

	String id() {
		return b64(this.credentialId);
	}

	/** The body of {@code POST /webauthn/register} answering these creation options. */
	String registration(String challenge, String label, String origin, String rpId) {
		byte[] clientData = clientData("webauthn.create", challenge, origin);
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
		authData.write(UP | UV | AT);
		authData.writeBytes(ByteBuffer.allocate(4).putInt(0).array());
		authData.writeBytes(new byte[16]); // aaguid
		authData.writeBytes(ByteBuffer.allocate(2).putShort((short) this.credentialId.length).array());
		authData.writeBytes(this.credentialId);
		authData.writeBytes(coseKey());
		ByteArrayOutputStream attestation = new ByteArrayOutputStream();
		attestation.write(0xA3);
		text(attestation, "fmt");
		text(attestation, "none");
		text(attestation, "attStmt");
		attestation.write(0xA0);
		text(attestation, "authData");
		bytes(attestation, authData.toByteArray());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", b64(attestation.toByteArray()));
		response.put("clientDataJSON", b64(clientData));
		response.put("transports", List.of("internal"));
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id());
		credential.put("rawId", id());
		credential.put("response", response);
		credential.put("type", "public-key");
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return JSON.writeValueAsString(Map.of("publicKey", Map.of("label", label, "credential", credential)));
	}

	/** The body of {@code POST /login/webauthn} answering these request options. */
	String assertion(String challenge, String userHandle, String origin, String rpId) {
		byte[] clientData = clientData("webauthn.get", challenge, origin);
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
		authData.write(UP | UV);
		authData.writeBytes(ByteBuffer.allocate(4).putInt(++this.signCount).array());
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(this.keys.getPrivate());
			signer.update(authData.toByteArray());
			signer.update(sha256(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", b64(authData.toByteArray()));
		response.put("clientDataJSON", b64(clientData));
		response.put("signature", b64(signature));
		response.put("userHandle", userHandle);
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id());
		credential.put("rawId", id());
		credential.put("response", response);
		credential.put("credType", "public-key");
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return JSON.writeValueAsString(credential);
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("challenge", challenge);
		data.put("origin", origin);
		data.put("crossOrigin", false);
		return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
	}

	/** {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y} */
	private byte[] coseKey() {
		ECPublicKey key = (ECPublicKey) this.keys.getPublic();
		ByteArrayOutputStream cose = new ByteArrayOutputStream();
		cose.writeBytes(new byte[] { (byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21 });
		bytes(cose, unsigned32(key.getW().getAffineX()));
		cose.write(0x22);
		bytes(cose, unsigned32(key.getW().getAffineY()));
		return cose.toByteArray();
	}

	private static byte[] unsigned32(BigInteger value) {
		byte[] raw = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(raw.length, 32);
		System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static void text(ByteArrayOutputStream out, String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.write(0x60 | utf8.length);
		out.writeBytes(utf8);
	}

	private static void bytes(ByteArrayOutputStream out, byte[] bytes) {
		if (bytes.length < 24) {
			out.write(0x40 | bytes.length);
		}
		else if (bytes.length < 256) {
			out.write(0x58);
			out.write(bytes.length);
		}
		else {
			out.write(0x59);
			out.write(bytes.length >> 8);
			out.write(bytes.length & 0xFF);
		}
		out.writeBytes(bytes);
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
