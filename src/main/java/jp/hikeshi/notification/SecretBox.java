package jp.hikeshi.notification;

import jp.hikeshi.shared.ApplicationSecret;

import org.springframework.stereotype.Component;

/** The notification secrets' box (webhook URLs and signing keys), under the installation's key. */
@Component
class SecretBox extends jp.hikeshi.shared.SecretBox {

	SecretBox(ApplicationSecret secret) {
		super(secret.encryptionKey());
	}

}
