package jp.hikeshi.system;

import jp.hikeshi.setup.FirstRunSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one line a newcomer needs on the console: where to open Hikeshi (with the port it really
 * listens on) and, before the first administrator exists, that the set-up page is waiting.
 */
@Component
class ReadyLine {

	private static final Logger log = LoggerFactory.getLogger("jp.hikeshi");

	private final FirstRunSetup setup;

	private final String publicBaseUrl;

	private final String contextPath;

	ReadyLine(FirstRunSetup setup, @Value("${hikeshi.public-base-url:}") String publicBaseUrl,
			@Value("${server.servlet.context-path:}") String contextPath) {
		this.setup = setup;
		this.publicBaseUrl = publicBaseUrl;
		this.contextPath = contextPath;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		log.info(line(web.getWebServer().getPort(), this.setup.isCompleted()));
	}

	String line(int port, boolean setupCompleted) {
		String url = url(port);
		if (setupCompleted) {
			return "火消し（Hikeshi）の準備ができました / is ready: " + url;
		}
		String setupUrl = url.replaceAll("/$", "") + "/setup";
		return "火消し（Hikeshi）の準備ができました。初期設定ページが待っています / is ready, and its set-up page is waiting: "
				+ setupUrl;
	}

	private String url(int port) {
		if (StringUtils.hasText(this.publicBaseUrl)) {
			return this.publicBaseUrl.endsWith("/") ? this.publicBaseUrl : this.publicBaseUrl + "/";
		}
		String path = StringUtils.hasText(this.contextPath) ? this.contextPath.replaceAll("/$", "") : "";
		return "http://localhost:" + port + path + "/";
	}

}
