package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.testing.TestConnections;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ConnectionNamesTest {

  private static final Map<String, String> VALUES = TestConnections.values("token1", "secret1");
  private static final Set<String> SECRETS = TestConnections.SECRET_FIELDS;

  @Test
  void theDefaultNameIsTheConnectorAndTheStoreNameAsASlug() {
    assertThat(ConnectionNames.defaultName("bigcommerce", TestConnections.account(), VALUES, SECRETS))
        .isEqualTo("bigcommerce/acceptance-outfitters");
  }

  @Test
  void accentsAreFoldedAndEverythingElseBecomesSingleDashes() {
    assertThat(ConnectionNames.slug("  Café Zürich & Søn — Straße, Ltd.  ")).isEqualTo("cafe-zurich-son-strasse-ltd");
    assertThat(ConnectionNames.slug("ÆSIR Œuvres Łódź")).isEqualTo("aesir-oeuvres-lodz");
  }

  @Test
  void aStoreNameWithNoLatinLetterFallsBackToTheDomain() {
    Account account = new Account("東京ストア", Map.of("name", "東京ストア", "domain", "tokyo-store.example.com"));

    assertThat(ConnectionNames.defaultName("bigcommerce", account, VALUES, SECRETS))
        .isEqualTo("bigcommerce/tokyo-store-example-com");
  }

  @Test
  void anAccountWithNeitherNameNorDomainIsNamedByAFingerprintOfTheNonSecretValues() {
    String name = ConnectionNames.defaultName("bigcommerce", Account.UNKNOWN, VALUES, SECRETS);

    assertThat(name).matches("bigcommerce/[0-9a-f]{8}");
    assertThat(ConnectionNames.defaultName("bigcommerce", Account.UNKNOWN, TestConnections.values("token2", "secret2"), SECRETS))
        .as("secrets play no part").isEqualTo(name);
    Map<String, String> otherStore = new java.util.LinkedHashMap<>(VALUES);
    otherStore.put("api_path", "https://api.bigcommerce.com/stores/xyz789/v3/");
    assertThat(ConnectionNames.defaultName("bigcommerce", Account.UNKNOWN, otherStore, SECRETS)).isNotEqualTo(name);
  }

  @Test
  void aLongStoreNameIsCutToTheLimitWithoutATrailingDash() {
    Account account = new Account("", Map.of("name", "The Very Long Name Of A Store That Sells A Great Many Things In Many Places"));

    String name = ConnectionNames.defaultName("bigcommerce", account, VALUES, SECRETS);

    assertThat(name).hasSizeLessThanOrEqualTo(ConnectionNames.MAX_LENGTH)
        .isEqualTo("bigcommerce/the-very-long-name-of-a-store-that-sells-a-great");
    assertThat(ConnectionNames.isValid(name)).isTrue();
  }

  @Test
  void aNameMayBeSixtyFourCharactersLongButNoLonger() {
    assertThat(ConnectionNames.isValid("shop/" + "x".repeat(59))).isTrue();
    assertThat(ConnectionNames.isValid("shop/" + "x".repeat(60))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bigcommerce/acceptance-outfitters", "main", "shop_2", "eu.shop/main-2", "a", "a/b"})
  void theseNamesAreAllowed(String name) {
    assertThat(ConnectionNames.requireValid(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "My Store", "Main", "shop/", "/shop", "a/b/c", "-shop", "shop-", "a//b", "café", "shop\n"})
  void theseNamesAreRefused(String name) {
    assertThat(ConnectionNames.isValid(name)).isFalse();
    assertThatThrownBy(() -> ConnectionNames.requireValid(name)).isInstanceOf(InvalidConnectionNameException.class);
  }

  @Test
  void aRefusalStatesTheRulesAndGivesAnExample() {
    assertThatThrownBy(() -> ConnectionNames.requireValid("My Store!\u001b[2J"))
        .isInstanceOf(InvalidConnectionNameException.class)
        .hasMessage("connection name \"My Store!?[2J\" is not allowed: use up to 64 lowercase letters, digits, '-',"
            + " '_' and '.', starting and ending with a letter or digit, optionally two such parts joined by one '/',"
            + " such as shop/acme-outfitters");
  }

  @Test
  void theExampleOfARefusalIsANameOfTheConnectorAtHand() {
    assertThatThrownBy(() -> ConnectionNames.requireValid("Main Store", "woocommerce"))
        .isInstanceOf(InvalidConnectionNameException.class)
        .hasMessageEndingWith(", such as woocommerce/acme-outfitters");
    assertThatThrownBy(() -> ConnectionNames.requireValid("Main Store", "Odd Connector"))
        .hasMessageEndingWith(", such as odd-connector/acme-outfitters");
    assertThat(ConnectionNames.exampleFor("")).isEqualTo(ConnectionNames.EXAMPLE);
  }
}
