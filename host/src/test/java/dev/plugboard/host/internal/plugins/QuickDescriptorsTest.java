package dev.plugboard.host.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The descriptor read without Jackson is the very one Jackson reads, or none: then Jackson's way reads it. */
final class QuickDescriptorsTest {

  /** Descriptors of today's format: the plugins' own and the samples with every key and the fewest. */
  static Stream<Path> descriptorsOfTodaysFormat() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    try (Stream<Path> plugins = Files.list(root.resolve("plugins"))) {
      List<Path> own = plugins.map(plugin -> plugin.resolve("src/main/resources/plugboard"))
          .filter(Files::isDirectory)
          .flatMap(QuickDescriptorsTest::yamlFiles)
          .toList();
      Path samples = root.resolve("plugin-api/src/test/resources/dev/plugboard/api/descriptor");
      return Stream.concat(own.stream(), Stream.of(samples.resolve("every-key.yaml"), samples.resolve("fewest-keys.yaml")));
    }
  }

  private static Stream<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).toList().stream();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @MethodSource("descriptorsOfTodaysFormat")
  void aValidDescriptorIsReadToTheRecordsJacksonReads(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    ConnectorDescriptor jackson = DescriptorReader.checkWithJackson(file.getFileName().toString(), content).orThrow("test");

    assertThat(QuickDescriptors.read(file.getFileName().toString(), content)).contains(jackson);
  }

  /** Changes to the format 1.1 test descriptor: the text replaced, and what replaces it. */
  static Stream<Arguments> changesLeftToJackson() {
    return Stream.of(
        Arguments.of("format: '1.1'\n", ""), // format 1.0: the upgrade is Jackson's way
        Arguments.of("[api.minimal.example]", "&hosts [api.minimal.example]"), // an anchor
        Arguments.of("summary: A connector", "summary: !!str A connector"), // a tag
        Arguments.of("summary: A connector for tests.", "summary: null"), // a null
        Arguments.of("summary: A connector for tests.", "summary: 1.10"), // a number, as text 1.1
        Arguments.of("summary: A connector for tests.", "summary: true"), // a boolean, as text true
        Arguments.of("summary:", "sumary:"), // an unknown key
        Arguments.of("name: Minimal\n", "name: Minimal\nname: Twice\n"), // a key twice
        Arguments.of("    kind: secret\n", "    kind: secret\n    required: 'true'\n"), // a boolean from text
        Arguments.of("    kind: secret\n", "    kind: 2\n"), // an enum by number
        Arguments.of("id: minimal\n", "id: Not An Id\n"), // refused by the record
        Arguments.of("format: '1.1'\n", "format: '1.1'\nid: second\n---\nformat: '1.1'\n")); // two documents
  }

  @ParameterizedTest
  @MethodSource("changesLeftToJackson")
  void aFileJacksonMightReadOtherwiseOrRefuseIsLeftToJackson(String replaced, String replacement) {
    String text = changed(replaced, replacement);

    assertThat(QuickDescriptors.read("connector.yaml", text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12:30", "True", "0x1F", "8 to 64", "0123abcxyz", "'true'", "'1.10'", "a 1.10", ">\n  folded\n  text"})
  void aSummaryJacksonReadsAsTextIsReadAsTheSameText(String summary) {
    byte[] content = changed("A connector for tests.", summary).getBytes(StandardCharsets.UTF_8);
    ConnectorDescriptor jackson = DescriptorReader.checkWithJackson("connector.yaml", content).orThrow("test");

    assertThat(QuickDescriptors.read("connector.yaml", content)).contains(jackson);
  }

  @Test
  void theIdOfADescriptorIsFoundWithoutReadingTheRest() {
    String text = DescriptorsTest.MINIMAL_11 + "sumary: a defect after the id\n";

    assertThat(QuickDescriptors.id("connector.yaml", text.getBytes(StandardCharsets.UTF_8))).contains("minimal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id: 12\n", "id: &a minimal\n", "id: [minimal]\n", "name: x\n", "id: 'unclosed\n"})
  void anIdThatIsNotCertainlyTextIsNotTakenForOne(String text) {
    assertThat(QuickDescriptors.id("connector.yaml", text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aJsonFileIsLeftToJackson() {
    assertThat(QuickDescriptors.read("connector.json", "{\"format\": \"1.1\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private static String changed(String replaced, String replacement) {
    assertThat(DescriptorsTest.MINIMAL_11).contains(replaced);
    return DescriptorsTest.MINIMAL_11.replaceFirst(Pattern.quote(replaced), Matcher.quoteReplacement(replacement));
  }
}
