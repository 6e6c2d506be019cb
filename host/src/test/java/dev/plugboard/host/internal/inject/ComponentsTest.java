package dev.plugboard.host.internal.inject;

import dev.plugboard.host.internal.settings.HostSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.internal.store.FileConnectionStore;
import dev.plugboard.host.internal.store.StoreChoice;
import dev.plugboard.host.testing.InMemoryConnectionStore;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ComponentsTest {

  @TempDir Path temp;

  private HostSettings settings() {
    return new HostSettings(temp.resolve("plugins"), temp.resolve("home"), List.of());
  }

  @Test
  void byDefaultConnectionsAreKeptInTheFileStoreUnderHomeWithItsKeyBeside() {
    ConnectionStore store = Components.create(settings()).connections();

    store.put(TestConnections.connection("shop/a"));

    assertThat(store).isInstanceOf(FileConnectionStore.class);
    assertThat(((FileConnectionStore) store).file()).startsWith(temp.resolve("home")).isDirectory();
    assertThat(temp.resolve("home").resolve(FileConnectionStore.KEYSET_FILE)).exists();
  }

  @Test
  void theWholeHostSharesOneStore() {
    Components components = Components.create(settings());

    assertThat(components.connections()).isSameAs(components.connections());
  }

  @Test
  void anApplicationStoreIsTheOneTheHostUsesAndNothingIsWrittenUnderHome() {
    InMemoryConnectionStore application = new InMemoryConnectionStore();

    ConnectionStore store = Components.create(settings(), new StoreChoice.ApplicationStore(application)).connections();
    store.put(TestConnections.connection("shop/a"));

    assertThat(store).isSameAs(application);
    assertThat(Files.exists(temp.resolve("home"))).isFalse();
  }

  @Test
  void anApplicationKeySealsTheFileStoreAndNoKeyFileIsWritten() {
    Aead aead = TestKeys.applicationAead();

    ConnectionStore store = Components.create(settings(), new StoreChoice.ApplicationKey(aead)).connections();
    store.put(TestConnections.connection("shop/a"));

    assertThat(FileConnectionStore.withAead(temp.resolve("home"), aead).list()).hasSize(1);
    assertThat(temp.resolve("home").resolve(FileConnectionStore.KEYSET_FILE)).doesNotExist();
  }
}
