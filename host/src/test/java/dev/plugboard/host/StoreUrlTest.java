package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.testing.InMemoryConnectionStore;
import dev.plugboard.host.testing.MemoryStoreProvider;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store named by URL is opened by the provider on the class path that accepts it; one none accepts is named by its scheme only. */
final class StoreUrlTest {

  @TempDir Path plugins;
  @TempDir Path home;

  @Test
  void aStoreUrlIsOpenedByItsProviderWithTheHomeFoldersKeyAsMasterKey() {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).store("memory:shared").build()) {
      plugboard.connections().put(TestConnections.connection("shop/a").withTenant("customer-42"));

      assertThat(plugboard.connections()).isInstanceOf(InMemoryConnectionStore.class);
      assertThat(plugboard.connections().find("customer-42", "shop/a")).isPresent();
      assertThat(MemoryStoreProvider.CONTEXTS.get("memory:shared").home()).isEqualTo(home.toAbsolutePath().normalize());
      assertThat(home.resolve("keyset.json")).exists();
    }
  }

  @Test
  void anApplicationKeyIsTheMasterKeyOfAStoreUrlAndNoKeyFileIsMade() {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).store("memory:keyed")
        .aead(TestKeys.applicationAead()).build()) {
      plugboard.connections();

      assertThat(Files.exists(home.resolve("keyset.json"))).isFalse();
    }
  }

  @Test
  void aUrlNoProviderAcceptsIsRefusedNamingItsSchemeButNotItsPassword() {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home)
        .store("jdbc:oracle:thin:scott/tigersecret@db:1521").build()) {
      assertThatThrownBy(plugboard::connections)
          .isInstanceOf(PlugboardException.class)
          .hasMessageStartingWith("no connection store on the class path opens a store URL starting jdbc:oracle:")
          .hasMessageContaining("installed: memory (tests)")
          .hasMessageNotContaining("tigersecret");
    }
  }

  @Test
  void aStoreUrlAndAnApplicationStoreCannotBeGivenTogether() {
    assertThatThrownBy(() -> Plugboard.builder().pluginsDir(plugins).store("memory:x")
            .connectionStore(new InMemoryConnectionStore()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("connectionStore and store(url) are both set: set one of them");
  }
}
