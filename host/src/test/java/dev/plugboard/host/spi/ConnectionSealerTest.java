package dev.plugboard.host.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A sealed record opens only as the tenant, name, connector and version it was sealed for, and never shows what it holds. */
final class ConnectionSealerTest {

  private static final String WHERE = "table connections of jdbc:sqlite:test.db";

  private final Aead master = TestKeys.applicationAead();
  private final ConnectionSealer sealer = ConnectionSealer.unwrapping(ConnectionSealer.newWrappedDataKey(master), master);

  @Test
  void aRecordOpensAsTheConnectionItWasSealedFromSecretsIncluded() {
    Connection connection = TestConnections.connection("shop/a").withTenant("customer-42").withVersion(3);

    Connection opened = sealer.open("customer-42", "shop/a", "bigcommerce", 3, sealer.seal(connection), WHERE);

    assertThat(opened).isEqualTo(connection);
    assertThat(opened.values()).containsEntry("access_token", TestConnections.CANARY_TOKEN);
  }

  @Test
  void aRecordCopiedToAnotherTenantNameOrConnectorDoesNotOpenAndIsNotQuoted() {
    byte[] sealed = sealer.seal(TestConnections.connection("shop/a").withTenant("customer-42").withVersion(1));

    for (String[] elsewhere : new String[][] {
        {"customer-7", "shop/a", "bigcommerce"}, {"customer-42", "shop/b", "bigcommerce"}, {"customer-42", "shop/a", "other"}}) {
      assertThatThrownBy(() -> sealer.open(elsewhere[0], elsewhere[1], elsewhere[2], 1, sealed, WHERE))
          .isInstanceOf(ConnectionStoreException.class)
          .hasMessageContaining("in " + WHERE + " does not open although the key fits the store")
          .hasMessageNotContaining(TestConnections.CANARY_TOKEN);
    }
  }

  @Test
  void anOlderRecordInPlaceOfTheVersionKeptIsToldApart() {
    byte[] older = sealer.seal(TestConnections.connection("shop/a").withVersion(1));

    assertThatThrownBy(() -> sealer.open("default", "shop/a", "bigcommerce", 2, older, WHERE))
        .isInstanceOf(ConnectionStoreException.class)
        .hasMessageContaining("connection shop/a in " + WHERE + " is version 1 where version 2 is kept: an older copy");
  }

  @Test
  void aDataKeyWrappedByOneMasterKeyDoesNotOpenWithAnotherAndHoldsNoKeyInTheClear() {
    byte[] wrapped = ConnectionSealer.newWrappedDataKey(TestKeys.applicationAead());

    assertThat(new String(wrapped, StandardCharsets.UTF_8)).contains("encryptedKeyset").doesNotContain("\"value\"");
    assertThatThrownBy(() -> ConnectionSealer.unwrapping(wrapped, TestKeys.applicationAead()))
        .isInstanceOf(ConnectionStoreException.class)
        .hasMessageStartingWith("the application's key (Aead) does not open the store's data key")
        .hasNoCause();
  }

  @Test
  void theKeyCheckTellsTheDataKeyFromAnother() {
    ConnectionSealer other = ConnectionSealer.of(TestKeys.applicationAead());

    assertThat(sealer.fits(sealer.keyCheck())).isTrue();
    assertThat(other.fits(sealer.keyCheck())).isFalse();
  }

  @Test
  void aRecordKeptBeforeSandboxConnectionsWereMarkedOpensAsAConnectionToThePlatform() throws Exception {
    Aead dataKey = TestKeys.applicationAead();
    // A record as Plugboard wrote it before the mark was kept: no "sandbox" key.
    String old = """
        {"tenant":"default","name":"shop/a","connector":"bigcommerce","pluginVersion":"1.0.0",\
        "values":{"api_path":"https://api.bigcommerce.com/stores/abc123/v3/","access_token":"oldtoken"},\
        "secretFields":["access_token"],"account":{"display":"Acme","values":{"name":"Acme"}},"scopes":[],\
        "status":"verified","checkedAt":"2026-11-30T10:00:00Z","nextCheckAt":null,"version":4}""";
    byte[] sealed = dataKey.encrypt(old.getBytes(StandardCharsets.UTF_8),
        ConnectionSealer.associatedData("default", "shop/a", "bigcommerce"));

    Connection opened = ConnectionSealer.of(dataKey).open("default", "shop/a", "bigcommerce", 4, sealed, WHERE);

    assertThat(opened.sandbox()).isEmpty();
    assertThat(opened.values()).containsEntry("access_token", "oldtoken");
    assertThat(opened.account().display()).isEqualTo("Acme");
  }

  @Test
  void aSandboxConnectionIsSealedWithItsMarkAndAConnectionToThePlatformWithoutTheKey() throws Exception {
    Aead dataKey = TestKeys.applicationAead();
    ConnectionSealer local = ConnectionSealer.of(dataKey);
    Connection platform = TestConnections.connection("shop/a").withVersion(1);
    Connection sandbox = platform.withSandbox(Optional.of(new SandboxAccount(Set.of("Orders", "Products"))));

    byte[] sealedPlatform = local.seal(platform);
    byte[] sealedSandbox = local.seal(sandbox);

    assertThat(local.open("default", "shop/a", "bigcommerce", 1, sealedSandbox, WHERE).sandbox())
        .contains(new SandboxAccount(Set.of("Orders", "Products")));
    assertThat(local.open("default", "shop/a", "bigcommerce", 1, sealedPlatform, WHERE)).isEqualTo(platform);
    String platformRecord = new String(dataKey.decrypt(sealedPlatform,
        ConnectionSealer.associatedData("default", "shop/a", "bigcommerce")), StandardCharsets.UTF_8);
    assertThat(platformRecord).as("readable by a Plugboard that does not know the key").doesNotContain("sandbox");
  }
}
