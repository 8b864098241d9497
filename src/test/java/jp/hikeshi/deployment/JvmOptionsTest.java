package jp.hikeshi.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM settings that keep Hikeshi under 300 MB are written once in
 * {@code src/main/jvm/jvm.options} and repeated where an argument file cannot be read: the image's
 * environment in the pom and the compose file. A change in one place only would leave one way of
 * running without them.
 */
class JvmOptionsTest {

	@Test
	void theRunGoalReadsTheFileAndTheImageAndComposeRepeatItOnOneLine() throws Exception {
		String options = optionsOnOneLine();
		assertThat(options).contains("-XX:+UseSerialGC").contains("-Xmx");

		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		assertThat(text(pom, "jvmArguments")).isEqualTo("@${project.basedir}/src/main/jvm/jvm.options");
		assertThat(text(pom, "BPE_APPEND_JAVA_TOOL_OPTIONS")).isEqualTo(options);
		assertThat(text(pom, "BPE_DELIM_JAVA_TOOL_OPTIONS")).as("the buildpack's options and ours stay apart")
			.isEqualTo(" ");
		assertThat(text(pom, "MALLOC_ARENA_MAX")).isEqualTo("2");
		assertThat(text(pom, "BPE_DEFAULT_MALLOC_ARENA_MAX")).isEqualTo("2");

		Map<String, String> environment = composeEnvironment();
		assertThat(environment.get("JAVA_TOOL_OPTIONS")).isEqualTo(options);
		assertThat(String.valueOf(environment.get("MALLOC_ARENA_MAX"))).isEqualTo("2");
	}

	private static String optionsOnOneLine() throws IOException {
		return Files.readAllLines(Path.of("src/main/jvm/jvm.options"))
			.stream()
			.map(line -> line.replaceAll("#.*", "").trim())
			.filter(line -> !line.isEmpty())
			.flatMap(line -> Arrays.stream(line.split("\\s+")))
			.collect(Collectors.joining(" "));
	}

	private static String text(Document pom, String element) {
		assertThat(pom.getElementsByTagName(element).getLength()).as(element).isEqualTo(1);
		return pom.getElementsByTagName(element).item(0).getTextContent();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> composeEnvironment() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
			return (Map<String, String>) app.get("environment");
		}
	}

}
