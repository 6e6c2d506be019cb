package dev.plugboard.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's example may use only what an application can: no internal package of the host. */
final class PublicApiOnlyTest {

  private static final Path EXAMPLE = Path.of("src/test/java/dev/plugboard/example/EmbeddedApiExampleTest.java");

  @Test
  void theReadmeExampleImportsNoInternalPackage() throws IOException {
    List<String> imports = Files.readAllLines(EXAMPLE).stream().filter(line -> line.startsWith("import ")).toList();

    assertThat(imports).as("the imports of " + EXAMPLE).isNotEmpty()
        .noneMatch(line -> line.contains(".internal."))
        .noneMatch(line -> line.contains("dev.plugboard.cli."))
        .allMatch(line -> !line.contains("dev.plugboard.host.testing.") || line.endsWith(".TestPluginJar;"));
  }

  @Test
  void theReadmeExampleNamesNoInternalClassInFull() throws IOException {
    assertThat(Files.readString(EXAMPLE)).doesNotContain("dev.plugboard.host.internal");
  }
}
