package jp.hikeshi.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on the build machines, so {@code docker compose config} cannot check the
 * deployment file: this test reads it and checks what the README promises of it.
 */
class DockerComposeTest {

	@Test
	@SuppressWarnings("unchecked")
	void postgresWithAVolumeAndAHealthCheckThenTheAppConfiguredByEnvironment() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> db = (Map<String, Object>) services.get("db");
		Map<String, Object> app = (Map<String, Object>) services.get("app");

		assertThat((String) db.get("image")).startsWith("postgres:17");
		assertThat((List<String>) db.get("volumes")).anyMatch(volume -> volume.startsWith("hikeshi-db:"));
		assertThat((Map<String, Object>) compose.get("volumes")).containsKey("hikeshi-db");
		assertThat((Map<String, Object>) db.get("healthcheck")).containsKey("test");

		Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
		assertThat((Map<String, Object>) dependsOn.get("db")).containsEntry("condition", "service_healthy");
		Map<String, String> environment = (Map<String, String>) app.get("environment");
		assertThat(environment).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/hikeshi")
			.containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).as("no password in the file")
			.startsWith("${");
		assertThat((String) app.get("image")).startsWith("hikeshi:");
		assertThat(environment.get("HIKESHI_SECRET_KEY")).as("the key of the secrets comes from the environment")
			.startsWith("${HIKESHI_SECRET_KEY:?");
		assertThat(environment.get("SPRING_MAIL_HOST")).as("no mail server unless one is named")
			.isEqualTo("${SPRING_MAIL_HOST:-}");
		assertThat(environment).containsKeys("HIKESHI_PUBLIC_BASE_URL", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
				"SPRING_MAIL_PASSWORD");
	}

	/** #16: the application connected as the database's superuser, and could rewrite the history. */
	@Test
	@SuppressWarnings("unchecked")
	void theApplicationRunsAsARoleThatOwnsNothingAndFlywayAsTheOwner() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> db = (Map<String, Object>) services.get("db");
		Map<String, String> dbEnvironment = (Map<String, String>) db.get("environment");
		Map<String, String> app = (Map<String, String>) ((Map<String, Object>) services.get("app")).get("environment");

		String owner = dbEnvironment.get("POSTGRES_USER");
		assertThat(app.get("SPRING_FLYWAY_USER")).isEqualTo(owner);
		assertThat(app.get("SPRING_FLYWAY_PASSWORD")).isEqualTo(dbEnvironment.get("POSTGRES_PASSWORD"));
		assertThat(app.get("SPRING_DATASOURCE_USERNAME")).as("not the superuser").isEqualTo("hikeshi_app")
			.isNotEqualTo(owner);
		assertThat(app.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${HIKESHI_APP_DB_PASSWORD:?")
			.isEqualTo(dbEnvironment.get("HIKESHI_APP_DB_PASSWORD"));

		// the role is made on the volume's first start, with the password from the environment
		assertThat((List<String>) db.get("volumes")).contains("./src/main/docker/postgres-init:/docker-entrypoint-initdb.d:ro");
		Path init = Path.of("src/main/docker/postgres-init/10-app-role.sh");
		assertThat(Files.isExecutable(init)).isTrue();
		assertThat(Files.readString(init)).contains("create role hikeshi_app login password :'password'")
			.contains("HIKESHI_APP_DB_PASSWORD")
			.doesNotContain("superuser");
	}

	@Test
	@SuppressWarnings("unchecked")
	void mailpitStartsOnlyWithTheMailProfileAndShowsItsMailsOnPort8025() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Object> mailpit = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("mailpit");
		assertThat((String) mailpit.get("image")).startsWith("axllent/mailpit:");
		assertThat((List<String>) mailpit.get("profiles")).containsExactly("mail");
		// the mails it holds are readable from this machine only
		assertThat((List<String>) mailpit.get("ports")).containsExactly("127.0.0.1:8025:8025");
		Map<String, String> environment = (Map<String, String>) ((Map<String, Object>) ((Map<String, Object>) compose
			.get("services")).get("app")).get("environment");
		// a real mail server by default: the submission port, with STARTTLS required
		assertThat(environment.get("SPRING_MAIL_PORT")).isEqualTo("${SPRING_MAIL_PORT:-587}");
		assertThat(environment.get("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED"))
			.isEqualTo("${SPRING_MAIL_STARTTLS_REQUIRED:-true}");
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyTheProxyIsPublishedAndOnlyItsForwardedHeadersAreTrusted() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> app = (Map<String, Object>) services.get("app");
		Map<String, Object> app2 = (Map<String, Object>) services.get("app2");
		Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");

		assertThat(app).doesNotContainKey("ports");
		assertThat(app2).as("the second node: the first's settings, in its profile").doesNotContainKey("ports")
			.containsEntry("image", app.get("image"))
			.containsEntry("environment", app.get("environment"))
			.containsEntry("profiles", List.of("two-nodes"));
		assertThat(app).doesNotContainKey("profiles");
		assertThat(proxy).doesNotContainKey("profiles");
		assertThat((String) proxy.get("image")).startsWith("caddy:2");
		assertThat((List<String>) proxy.get("ports")).containsExactly("${HIKESHI_HTTP_PORT:-8080}:80");
		services.forEach((name, service) -> {
			if (!name.equals("proxy") && ((Map<String, Object>) service).get("ports") instanceof List<?> ports) {
				assertThat(ports).as(name + " is reachable from this machine only")
					.allSatisfy(port -> assertThat((String) port).startsWith("127.0.0.1:"));
			}
		});

		String proxyAddress = (String) ((Map<String, Object>) ((Map<String, Object>) proxy.get("networks")).get("default"))
			.get("ipv4_address");
		Map<String, String> environment = (Map<String, String>) app.get("environment");
		assertThat(environment).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
		String trusted = environment.get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");
		assertThat(proxyAddress).as("the proxy's fixed address is the one trusted").matches(trusted);
		assertThat("172.28.53.11").doesNotMatch(trusted);
		assertThat("192.168.1.20").doesNotMatch(trusted);
		assertThat("10.0.0.5").doesNotMatch(trusted);

		String caddyfile = (String) ((Map<String, Object>) ((Map<String, Object>) compose.get("configs")).get("caddyfile"))
			.get("content");
		assertThat(caddyfile).contains("reverse_proxy app:8080 app2:8080", "health_uri /actuator/health/readiness");
	}

}
