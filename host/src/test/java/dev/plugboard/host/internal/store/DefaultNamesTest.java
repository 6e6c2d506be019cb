package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.CheckedValues;
import dev.plugboard.host.internal.plugins.Descriptors;
import dev.plugboard.host.testing.InMemoryConnectionStore;
import dev.plugboard.host.testing.TestDescriptors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Default names: the same account keeps its name, another account of the same name gets its own. */
final class DefaultNamesTest {

  private static final ConnectorDescriptor MINIMAL =
      Descriptors.parse("minimal.yaml", TestDescriptors.minimal("minimal"));
  private static final Account ACME = new Account("Acme", Map.of("name", "Acme"));

  private final InMemoryConnectionStore store = new InMemoryConnectionStore();

  @Test
  void connectingTheSameAccountAgainKeepsItsNameAndReplacesItsConnection() {
    keep("https://api.minimal.example/accounts/acme/", "tokenaaaaaaaa1");
    Connection again = keep("https://api.minimal.example/accounts/acme/", "tokenaaaaaaaa2");

    assertThat(again.name()).isEqualTo("minimal/acme");
    assertThat(store.list()).containsExactly(again);
  }

  @Test
  void connectingTheSameAccountAgainNamesTheConnectionItReplaced() {
    Connection first = keep("https://api.minimal.example/accounts/acme/", "tokenaaaaaaaa1");
    Connection second = keep("https://api.minimal.example/accounts/acmetwo/", "tokenaaaaaaaa2");

    assertThat(kept("https://api.minimal.example/accounts/acme/", "tokenaaaaaaaa3").replaced()).contains(first);
    assertThat(second.name()).isEqualTo("minimal/acme-2");
  }

  @Test
  void anotherAccountOfTheSameNameGetsANumberedNameAndReplacesNothing() {
    Connection first = keep("https://api.minimal.example/accounts/acme/", "tokenaaaaaaaa1");
    Connection second = keep("https://api.minimal.example/accounts/acmetwo/", "tokenaaaaaaaa2");
    Connection third = keep("https://api.minimal.example/accounts/acmethree/", "tokenaaaaaaaa3");

    assertThat(List.of(first.name(), second.name(), third.name()))
        .containsExactly("minimal/acme", "minimal/acme-2", "minimal/acme-3");
    assertThat(store.list()).containsExactlyInAnyOrder(first, second, third);
  }

  private Connection keep(String apiUrl, String token) {
    return kept(apiUrl, token).connection();
  }

  private DefaultNames.Kept kept(String apiUrl, String token) {
    Map<String, String> fields = Map.of("api_url", apiUrl, "token", token);
    CheckedValues checked = new CheckedValues("minimal", fields, fields, Set.of("token"));
    return DefaultNames.keep(store, MINIMAL, ACME, checked, name -> new Connection(name, "minimal", "1.0.0", fields,
        Set.of("token"), ACME, List.of(), VerificationReport.Status.VERIFIED, Instant.EPOCH));
  }
}
