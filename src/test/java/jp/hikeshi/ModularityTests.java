package jp.hikeshi;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level packages are modules; each depends only on the modules its package-info allows,
 * none reaches into another's internals, and none forms a cycle. The module documentation (a
 * component diagram of the whole and a canvas per module) is written on every build, to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(HikeshiApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theModuleDocumentationIsWritten() throws Exception {
		Documenter documenter = new Documenter(MODULES);
		documenter.writeDocumentation();
		Path output = Path.of("target", "spring-modulith-docs");
		assertThat(output.resolve("components.puml")).exists();
		// the incident module listens to the history other modules publish
		assertThat(Files.readString(output.resolve("module-incident.adoc"))).contains("Events listened to", "HistoryEvent");
		assertThat(Files.readString(output.resolve("module-evidence.puml"))).containsIgnoringCase("incident");
	}

}
