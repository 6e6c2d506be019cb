package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.Plugboard;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store Plugboard opened by URL is Plugboard's to close: its connection pool goes with the host. */
final class StoreLifecycleTest {

  @TempDir Path folder;

  @Test
  void closingPlugboardClosesTheStoreItOpenedByUrl() throws Exception {
    Path pluginsDir = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    ConnectionStore store;
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(pluginsDir).home(folder.resolve("home"))
        .store("jdbc:sqlite:" + folder.resolve("connections.db")).build()) {
      store = plugboard.connections();
      assertThat(store.list(ConnectionQuery.of(ConnectionNames.DEFAULT_TENANT)).items()).isEmpty();
    }

    assertThatThrownBy(() -> store.list(ConnectionQuery.of(ConnectionNames.DEFAULT_TENANT)))
        .isInstanceOf(RuntimeException.class);
  }
}
