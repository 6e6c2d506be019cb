package dev.plugboard.host;

import static dev.plugboard.host.testing.TestConnections.CANARY_CLIENT_SECRET;
import static dev.plugboard.host.testing.TestConnections.CANARY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.TestConnections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ConnectionTest {

  private static final List<String> CANARIES = List.of(CANARY_TOKEN, CANARY_CLIENT_SECRET);

  private final Connection connection = TestConnections.connection("bigcommerce/acceptance-outfitters");

  @Test
  void toStringNamesTheConnectionAndMasksEverySecret() {
    String text = connection.toString();

    Canaries.assertNoneIn(text, CANARIES);
    assertThat(text).contains("bigcommerce/acceptance-outfitters", "access_token=••••••••k3x9",
        "client_secret=••••••••", "https://api.bigcommerce.com/stores/abc123/v3/");
  }

  @Test
  void showingAConnectionRevealsOnlyTheLastFourCharactersOfALongSecret() {
    assertThat(connection.maskedValues()).containsExactly(
        entry("api_path", "https://api.bigcommerce.com/stores/abc123/v3/"),
        entry("access_token", "••••••••k3x9"),
        entry("client_id", "0123456789abcdefghijklmnopqrstu"),
        entry("client_secret", "••••••••5p7o"));
  }

  @Test
  void aShortSecretShowsAtMostAQuarterOfItselfAndAVeryShortOneNothing() {
    assertThat(Connection.mask("abcdefghijklmnop")).isEqualTo("••••••••mnop");
    assertThat(Connection.mask("abcdefghijkl")).isEqualTo("••••••••jkl");
    assertThat(Connection.mask("abcdefgh")).isEqualTo("••••••••gh");
    assertThat(Connection.mask("abc")).isEqualTo("••••••••");
    assertThat(Connection.mask("")).isEqualTo("••••••••");
  }

  @Test
  void theMaskDoesNotTellHowLongTheSecretIs() {
    assertThat(Connection.mask("a".repeat(20) + "wxyz")).isEqualTo(Connection.mask("a".repeat(60) + "wxyz"));
  }

  @Test
  void theJsonOfAConnectionCarriesOnlyMaskedSecrets() {
    String json = Mappers.output().writeValueAsString(connection);

    Canaries.assertNoneIn(json, CANARIES);
    assertThat(json).contains("\"name\" : \"bigcommerce/acceptance-outfitters\"", "\"access_token\" : \"••••••••k3x9\"",
        "\"secretFields\" : [ \"access_token\", \"client_secret\" ]", "\"status\" : \"verified\"",
        "\"checkedAt\" : \"2025-05-04T10:15:30.123456Z\"", "\"store_hash\" : \"abc123\"");
  }

  @Test
  void verifyingAgainRecordsTheNewOutcomeAndKeepsTheValues() {
    Instant later = TestConnections.CHECKED_AT.plusSeconds(3600);

    Connection again = connection.withVerification("1.1.0",
        TestConnections.report(VerificationReport.Status.FAILED, TestConnections.account(), later));

    assertThat(again.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(again.checkedAt()).isEqualTo(later);
    assertThat(again.pluginVersion()).isEqualTo("1.1.0");
    assertThat(again.values()).isEqualTo(connection.values());
    assertThat(again.name()).isEqualTo(connection.name());
  }

  @Test
  void aPlatformThatCouldNotBeReachedDoesNotMakeTheAccountNameless() {
    Connection again = connection.withVerification("1.0.0",
        TestConnections.report(VerificationReport.Status.INCONCLUSIVE, Account.UNKNOWN, Instant.now()));

    assertThat(again.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
    assertThat(again.account()).isEqualTo(connection.account());
  }

  @Test
  void anAccountKnownOnlyByTheDescriptorsDefaultsDoesNotReplaceTheNamedOne() {
    Account defaultsOnly = new Account("", Map.of("default_channel_id", "1"));

    Connection again = connection.withVerification("1.0.0",
        TestConnections.report(VerificationReport.Status.INCONCLUSIVE, defaultsOnly, Instant.now()));

    assertThat(again.account()).isEqualTo(connection.account());
  }

  @Test
  void aReportAboutAnotherConnectorIsRefused() {
    VerificationReport other = new VerificationReport("shopify", VerificationReport.Status.VERIFIED, Account.UNKNOWN,
        List.of(), List.of(), List.of(), List.of(), Instant.now());

    assertThatThrownBy(() -> connection.withVerification("1.0.0", other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the report is about connector shopify, but connection bigcommerce/acceptance-outfitters is a"
            + " bigcommerce connection");
  }

  @Test
  void aConnectionMadeFromAReportTakesItsOutcome() {
    VerificationReport report = TestConnections.report(VerificationReport.Status.VERIFIED, TestConnections.account(),
        TestConnections.CHECKED_AT);

    Connection made = Connection.of("bigcommerce/acceptance-outfitters", "1.0.0",
        TestConnections.values(CANARY_TOKEN, CANARY_CLIENT_SECRET), TestConnections.SECRET_FIELDS, report);

    assertThat(made).isEqualTo(connection);
  }

  @Test
  void aConnectionNamedAgainstTheRulesCannotBeMade() {
    assertThatThrownBy(() -> TestConnections.connection("My Store"))
        .isInstanceOf(InvalidConnectionNameException.class)
        .hasMessageContaining("\"My Store\" is not allowed");
  }

  @Test
  void theSecretFieldsAreTheOnesMasked() {
    assertThat(connection.isSecret("access_token")).isTrue();
    assertThat(connection.isSecret("client_id")).isFalse();
    assertThat(connection.secretFields()).isEqualTo(Set.of("access_token", "client_secret"));
  }

  private static Map.Entry<String, String> entry(String key, String value) {
    return Map.entry(key, value);
  }
}
