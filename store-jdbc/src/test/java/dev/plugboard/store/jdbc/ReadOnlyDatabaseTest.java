package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.spi.ConnectionSealer;
import dev.plugboard.host.testing.TestKeys;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import dev.plugboard.store.jdbc.testing.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database that takes no writes (a standby, a read-only session) is refused before a
 * connect sends anything, in words, as a home folder nothing can be written in is.
 */
final class ReadOnlyDatabaseTest {

  @TempDir Path folder;

  @Test
  void connectingIntoAReadOnlyDatabaseIsRefusedBeforeAnythingIsSent() throws Exception {
    Path plugins = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    PostgresCluster postgres = PostgresCluster.shared();
    // no pool: every session starts afresh, so each one reads the database's settings of the moment
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setUrl(postgres.newDatabase());
    database.setUser(postgres.user());
    database.setPassword(postgres.password());
    JdbcConnectionStore store = JdbcConnectionStore.create(database, ConnectionSealer.of(TestKeys.applicationAead()));
    store.requireWritable(); // a database that takes writes passes
    try (java.sql.Connection db = database.getConnection(); Statement statement = db.createStatement()) {
      statement.execute("ALTER DATABASE \"" + db.getCatalog() + "\" SET default_transaction_read_only = on");
    }

    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(folder.resolve("home"))
        .connectionStore(store).build();
        SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
      assertThatThrownBy(() -> plugboard.connect("bigcommerce", sandbox.values()))
          .isInstanceOf(ConnectionStoreException.class)
          .hasMessageContaining("is read-only (a standby, or a read-only user or session), so no connection could be"
              + " kept in it; nothing was sent");
      assertThat(store.list()).isEmpty();
    }
  }
}
