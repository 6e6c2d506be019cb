package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.testing.TestHost;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application that takes a user's values file or credentials file, and hands Plugboard's
 * results on as JSON, calls: {@link Plugboard}'s readers and {@link JsonOutput}, as the CLI does.
 */
final class PlugboardValuesAndJsonTest {

  private static final String TOKEN = "canarytoken0123456789";

  @RegisterExtension
  static final TestHost host = new TestHost(plugins -> TestPluginJar.connector("minimal", "minimal").writeTo(plugins));

  @TempDir Path dir;

  @Test
  void aValuesFileIsReadByFieldIdFromAFileOrAStream() throws IOException {
    String json = "{\"token\": \"" + TOKEN + "\", \"api_url\": \"https://api.minimal.example/accounts/acme/\"}";
    Path file = Files.writeString(dir.resolve("values.json"), json);

    Map<String, String> fromFile = host.plugboard().readValuesFile("minimal", file);
    Map<String, String> fromStream = host.plugboard().readValuesFile("minimal",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "the upload");

    assertThat(fromFile).containsExactly(Map.entry("api_url", "https://api.minimal.example/accounts/acme/"),
        Map.entry("token", TOKEN));
    assertThat(fromStream).isEqualTo(fromFile);
  }

  @Test
  void aValuesFileThatCannotBeUsedIsAValuesExceptionNamingTheFileAndNeverTheValue() throws IOException {
    Path misspelt = Files.writeString(dir.resolve("values.json"), "{\"tokn\": \"" + TOKEN + "\"}");

    assertThatThrownBy(() -> host.plugboard().readValuesFile("minimal", misspelt))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("values file " + misspelt.toAbsolutePath())
        .hasMessageContaining("tokn (line 1, column 2), meant as token?")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> host.plugboard().readCredentialsFile("minimal", dir.resolve("gone.txt")))
        .isInstanceOf(ValuesException.class).hasMessageContaining("does not exist");
  }

  @Test
  void aCredentialsFileIsReadByItsLabelsFromAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("account.txt"), "TOKEN: " + TOKEN + "\r\nAPI URL: https://api.minimal.example/accounts/acme/\r\n");

    assertThat(host.plugboard().readCredentialsFile("minimal", file))
        .containsExactly(Map.entry("api_url", "https://api.minimal.example/accounts/acme/"), Map.entry("token", TOKEN));
  }

  @Test
  void jsonOutputWritesARecordAsTheCommandLineDoesAndAsAMapToAddKeysTo() {
    Form form = host.plugboard().form("minimal");

    Map<String, Object> document = JsonOutput.toMap(form);
    document.put("extra", "value");

    assertThat(document.keySet()).startsWith(JsonOutput.toMap(form).keySet().toArray(String[]::new)).endsWith("extra");
    assertThat(JsonOutput.write(document)).startsWith("{\n").contains("\"extra\" : \"value\"")
        .doesNotContain("null");
    assertThat(JsonOutput.write(form)).isEqualTo(JsonOutput.write(JsonOutput.toMap(form)));
  }

  @Test
  void theVersionIsTheBuiltOne() {
    assertThat(Plugboard.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
