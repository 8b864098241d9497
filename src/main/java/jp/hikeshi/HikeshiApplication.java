package jp.hikeshi;

import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Hikeshi (火消し, "fire brigade"): security incident case management for small and
 * medium-sized companies, following IPA's 「中小企業のためのセキュリティインシデント対応の手引き」.
 */
@SpringBootApplication
public class HikeshiApplication {

	public static void main(String[] args) {
		preparePlatformTls();
		SpringApplication.run(HikeshiApplication.class, args);
	}

	/**
	 * The JDK's TLS context (its trust store read, ~150 ms) is made on the second core while the
	 * first one starts Spring: the first HTTP client made during the start (the sign-in providers'
	 * or the webhooks') would otherwise make it on the start's own thread. Spring Boot prepares
	 * its validation, message converters and charsets the same way (BackgroundPreinitializer).
	 */
	private static void preparePlatformTls() {
		Thread thread = new Thread(() -> {
			try {
				SSLContext.getDefault();
			}
			catch (NoSuchAlgorithmException ex) {
				// the client that needs it fails with the JDK's own message
			}
		}, "tls-preinit");
		thread.setDaemon(true);
		thread.start();
	}

}
