package jp.hikeshi.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every framework setting in the application's properties is one the framework still reads. Boot
 * 4 moved {@code server.error.*} to {@code spring.web.error.*} and binds the old names no more:
 * settings that silently do nothing are how a stack trace ends up on an error page.
 */
class ApplicationPropertiesTest {

	private static final List<String> FRAMEWORK_PREFIXES = List.of("spring.", "server.", "management.", "logging.");

	@Test
	void everyFrameworkSettingIsKnownAndNotRetired() throws IOException {
		Map<String, JsonNode> known = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL metadata : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				json.readTree(in).path("properties").forEach(property -> known.put(property.path("name").asString(), property));
			}
		}
		assertThat(known).as("Boot's configuration metadata on the class path").containsKey("spring.web.error.include-stacktrace");

		List<String> unread = new ArrayList<>();
		for (String file : List.of("application.properties", "application-demo.properties")) {
			Properties properties = new Properties();
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
				properties.load(in);
			}
			for (String key : properties.stringPropertyNames()) {
				if (FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
					continue;
				}
				JsonNode property = known.get(key);
				if (property == null) {
					boolean inAMap = known.values().stream()
						.anyMatch(candidate -> (candidate.path("type").asString("").startsWith("java.util.Map")
								|| candidate.path("type").asString("").equals("java.util.Properties"))
								&& key.startsWith(candidate.path("name").asString() + "."));
					if (!inAMap) {
						unread.add(file + ": " + key + " is not a setting");
					}
				}
				else if (property.has("deprecation") && "error".equals(property.path("deprecation").path("level").asString(""))) {
					unread.add(file + ": " + key + " is no longer read; use "
							+ property.path("deprecation").path("replacement").asString());
				}
			}
		}
		assertThat(unread).isEmpty();
	}

}
