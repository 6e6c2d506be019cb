package dev.plugboard.host.internal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.FieldCheck.Status;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.plugins.Descriptors;
import dev.plugboard.host.testing.TestDescriptors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generic format phase over the small test descriptor (an {@code api_url} with an
 * {@code account} part, a secret {@code token}). BigCommerce's own cases are in the plugin's tests.
 */
final class FormatPhaseTest {

  static final String TOKEN = "canarytoken0123456789";
  static final String URL = "https://api.minimal.example/accounts/acme/";

  static ConnectorDescriptor descriptor(String yaml) {
    return Descriptors.parse("test.yaml", yaml);
  }

  static final ConnectorDescriptor MINIMAL = descriptor(TestDescriptors.minimal("minimal"));
  static final AllowedHosts HOSTS = AllowedHosts.of(MINIMAL.http().allowedHosts(), List.of());

  @Test
  void validValuesPassWithEveryPlaceholderTheTemplatesMayUse() {
    FormatResult result = FormatPhase.check(MINIMAL, Map.of("api_url", URL, "token", TOKEN), HOSTS);

    assertThat(result.fields()).extracting(FieldCheck::status).containsExactly(Status.OK, Status.OK);
    CheckedValues values = result.values().orElseThrow();
    assertThat(values.fields()).containsExactly(Map.entry("api_url", URL), Map.entry("token", TOKEN));
    assertThat(values.placeholders()).containsEntry("api_url.origin", "https://api.minimal.example")
        .containsEntry("api_url.scheme", "https")
        .containsEntry("api_url.host", "api.minimal.example")
        .containsEntry("api_url.port", "443")
        .containsEntry("api_url.account", "acme")
        .containsEntry("token", TOKEN);
    assertThat(values.secretFields()).containsExactly("token");
    assertThat(values.toString()).doesNotContain(TOKEN);
  }

  @Test
  void spacesAndQuotesPastedAroundAValueAreRemovedAndTheHostIsLowercased() {
    FormatResult result = FormatPhase.check(MINIMAL,
        Map.of("api_url", "  'HTTPS://API.Minimal.Example:443/accounts/acme'\n", "token", "\u00a0\"" + TOKEN + "\"\t"), HOSTS);

    CheckedValues values = result.values().orElseThrow();
    assertThat(values.fields()).containsEntry("api_url", "https://api.minimal.example/accounts/acme")
        .containsEntry("token", TOKEN);
    assertThat(values.placeholder("api_url.origin")).isEqualTo("https://api.minimal.example");
  }

  @Test
  void theFieldsAreCheckedInDeclaredOrderWhateverOrderTheyAreGivenIn() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("token", TOKEN);
    reversed.put("api_url", URL);

    assertThat(FormatPhase.check(MINIMAL, reversed, HOSTS).fields()).extracting(FieldCheck::id)
        .containsExactly("api_url", "token");
  }

  @Test
  void aMissingValueSaysWhereInTheGuideItIsFound() {
    FormatResult result = FormatPhase.check(MINIMAL, Map.of("api_url", URL), HOSTS);

    assertThat(result.passed()).isFalse();
    assertThat(result.fields().get(1)).isEqualTo(new FieldCheck("token", Status.MISSING,
        "Token is missing; it is shown at step 2 of the setup guide (Create the token)."));
  }

  @Test
  void anOptionalFieldLeftOutPassesAndIsNotAmongTheValues() {
    ConnectorDescriptor optional = descriptor(TestDescriptors.minimal("optional").replace("http:\n",
        "  - id: nickname\n    label: Nickname\n    kind: text\n    required: false\n    help: A name to know it by.\n"
            + "http:\n"));

    FormatResult result = FormatPhase.check(optional, Map.of("api_url", URL, "token", TOKEN, "nickname", "  "), HOSTS);

    assertThat(result.fields().get(2).status()).isEqualTo(Status.OK);
    assertThat(result.values().orElseThrow().fields()).containsOnlyKeys("api_url", "token");
  }

  @Test
  void aValueOffTheAdvisoryShapePassesWithTheAdvisoryAsAWarning() {
    ConnectorDescriptor advised = descriptor(TestDescriptors.minimal("advised").replace("    guideStep: 2\n",
        "    guideStep: 2\n    advisory: {pattern: '^[a-z0-9]{31}$', message: Tokens are usually 31 characters long.}\n"));

    FormatResult result = FormatPhase.check(advised, Map.of("api_url", URL, "token", TOKEN), HOSTS);

    assertThat(result.passed()).isTrue();
    assertThat(result.fields().get(1)).isEqualTo(new FieldCheck("token", Status.OK, "Tokens are usually 31 characters long."));
  }

  @Test
  void aValueOffThePatternIsExplainedInWordsWithoutTheRegexOrTheValue() {
    FieldCheck check = new FormatPhase(MINIMAL, HOSTS).checkField("token", "CANARY-" + TOKEN);

    assertThat(check.status()).isEqualTo(Status.INVALID);
    assertThat(check.message()).isEqualTo("Token must be 8 to 64 lowercase letters and digits.")
        .doesNotContain(TOKEN).doesNotContain("[a-z0-9]");
  }

  @Test
  void aHostAddedForTestingTakesPlainHttpOnLoopbackWithItsPort() {
    AllowedHosts local = AllowedHosts.of(MINIMAL.http().allowedHosts(), List.of(ExtraHost.parse("127.0.0.1:4010")));

    FormatResult result = FormatPhase.check(MINIMAL, Map.of("api_url", "http://127.0.0.1:4010/accounts/acme/", "token", TOKEN), local);

    CheckedValues values = result.values().orElseThrow();
    assertThat(values.placeholder("api_url.origin")).isEqualTo("http://127.0.0.1:4010");
    assertThat(values.placeholder("api_url.port")).isEqualTo("4010");
    assertThat(new FormatPhase(MINIMAL, local).checkField("api_url", "http://127.0.0.1:4011/accounts/acme/").status())
        .isEqualTo(Status.INVALID);
  }

  @Test
  void anIpv6LoopbackAddedForTestingIsAcceptedInBrackets() {
    AllowedHosts local = AllowedHosts.of(MINIMAL.http().allowedHosts(), List.of(ExtraHost.parse("[::1]:8080")));

    FormatResult result = FormatPhase.check(MINIMAL, Map.of("api_url", "http://[::1]:8080/accounts/acme", "token", TOKEN), local);

    assertThat(result.values().orElseThrow().placeholders()).containsEntry("api_url.origin", "http://[::1]:8080")
        .containsEntry("api_url.host", "::1");
  }

  @Test
  void anAddressOnAnotherHostSaysWhereTheTokenWouldHaveGone() {
    FieldCheck check = new FormatPhase(MINIMAL, HOSTS).checkField("api_url", "https://evil.example/accounts/acme/");

    assertThat(check.message()).isEqualTo("API URL is refused: evil.example is not an allowed host (allowed:"
        + " api.minimal.example); your Token would have been sent to evil.example (nothing was sent)."
        + " A Minimal minimal API URL looks like https://api.minimal.example/accounts/acme/.");
  }

  @Test
  void aValueForAFieldTheConnectorDoesNotHaveIsRefusedNamingTheFields() {
    assertThatThrownBy(() -> FormatPhase.check(MINIMAL, Map.of("api_url", URL, "tokn", TOKEN), HOSTS))
        .isInstanceOf(PlugboardException.class)
        .hasMessage("connector minimal has no field tokn; its fields are api_url, token");
  }
}
