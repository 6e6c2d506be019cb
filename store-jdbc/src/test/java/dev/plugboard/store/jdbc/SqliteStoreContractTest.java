package dev.plugboard.store.jdbc;

import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.testing.ConnectionStoreContract;
import dev.plugboard.host.testing.TestKeys;
import dev.plugboard.store.jdbc.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, against an SQLite file of its own for each test. */
final class SqliteStoreContractTest extends ConnectionStoreContract {

  @TempDir Path folder;

  @Override
  protected ConnectionStore newStore() {
    return TestStores.sqlite(folder.resolve("connections.db"), TestKeys.applicationAead());
  }

  @AfterEach
  void closeThePool() {
    ((JdbcConnectionStore) store).close();
  }
}
