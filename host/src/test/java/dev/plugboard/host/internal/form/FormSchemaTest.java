package dev.plugboard.host.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.FormSchemaAgreement;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestHost;
import dev.plugboard.host.testing.TestPluginJar;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic JSON Schema agrees with the format phase on what BigCommerce does not exercise: an
 * optional free-text field (length counted in characters, empty left out) and hosts added for
 * testing (plain http on loopback, their ports).
 */
final class FormSchemaTest {

  static final Map<String, String> GOOD = Map.of("api_url", "https://api.minimal.example/accounts/acme/", "token", "abcdefgh1234");

  @RegisterExtension
  static final TestHost notes = new TestHost(plugins -> TestPluginJar.plugin("notes").extension(FixtureConnector.class)
      .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimalWithNote("notes"))
      .writeTo(plugins), "127.0.0.1:4010", "localhost", "[::1]:8080");
  static FormSchemaAgreement agreement;

  @BeforeAll
  static void load() {
    agreement = new FormSchemaAgreement(notes.plugboard(), "notes");
  }

  @Test
  void anOptionalFieldIsNotRequiredAndHasNoMinimumLength() {
    JsonNode schema = JsonMapper.shared().readTree(notes.plugboard().formJsonSchema("notes"));

    assertThat(schema.get("required").valueStream().map(JsonNode::asString)).containsExactly("api_url", "token");
    assertThat(schema.get("properties").get("note").has("minLength")).isFalse();
    assertThat(schema.get("properties").get("note").get("maxLength").asInt()).isEqualTo(4096);
  }

  @ParameterizedTest(name = "{0} {3}: {1}")
  @MethodSource("corpus")
  void theSchemaAndTheHostAgreeOnEachValue(String field, String label, String value, String verdict) {
    assertThat(agreement.agreedVerdict(GOOD, field, value)).as(label).isEqualTo(verdict);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("note", "empty, left out", "", "accepted"),
        Arguments.of("note", "blank, left out", "  ", "accepted"),
        Arguments.of("note", "free text", "Shop #2: \"the big one\" & more", "accepted"),
        Arguments.of("note", "4096 characters beyond the BMP", "\uD83D\uDE00".repeat(4096), "accepted"),
        Arguments.of("note", "4097 characters", "n".repeat(4097), "refused"),
        Arguments.of("note", "a line break inside", "line one\nline two", "refused"),
        Arguments.of("note", "a tab inside", "a\tb", "refused"),
        Arguments.of("note", "a byte-order mark inside", "a\ufeffb", "refused"),
        Arguments.of("note", "an Arabic letter mark inside", "a\u061cb", "refused"),
        Arguments.of("note", "a Mongolian vowel separator inside", "a\u180eb", "refused"),
        Arguments.of("note", "an interlinear annotation inside", "a\ufff9b\ufffbc", "refused"),
        Arguments.of("note", "a line separator inside", "a\u2028b", "refused"),
        Arguments.of("note", "a noncharacter inside", "a\ufdd0b", "refused"),
        Arguments.of("note", "a no-break space inside", "a\u00a0b", "accepted"),
        Arguments.of("note", "a letter beside a joiner, as emoji have", "\uD83D\uDC69\u200D\uD83D\uDCBB", "refused"),
        Arguments.of("api_url", "plain http to a loopback host and its port", "http://127.0.0.1:4010/accounts/acme", "accepted"),
        Arguments.of("api_url", "https to a loopback host and its port", "https://127.0.0.1:4010/accounts/acme", "accepted"),
        Arguments.of("api_url", "another port of that host", "http://127.0.0.1:4011/accounts/acme", "refused"),
        Arguments.of("api_url", "that host without its port", "http://127.0.0.1/accounts/acme", "refused"),
        Arguments.of("api_url", "localhost on any port", "http://LocalHost:9999/accounts/acme", "accepted"),
        Arguments.of("api_url", "localhost without a port", "http://localhost/accounts/acme", "accepted"),
        Arguments.of("api_url", "IPv6 loopback and its port", "http://[::1]:8080/accounts/acme/", "accepted"),
        Arguments.of("api_url", "IPv6 loopback on another port", "http://[::1]:8081/accounts/acme/", "refused"),
        Arguments.of("api_url", "another loopback address", "http://127.0.0.2:4010/accounts/acme", "refused"),
        Arguments.of("api_url", "the descriptor's host over http", "http://api.minimal.example/accounts/acme", "refused"));
  }
}
