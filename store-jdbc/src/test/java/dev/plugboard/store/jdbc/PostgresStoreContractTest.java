package dev.plugboard.store.jdbc;

import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.testing.ConnectionStoreContract;
import dev.plugboard.host.testing.TestKeys;
import dev.plugboard.store.jdbc.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, against PostgreSQL: a new database of the test cluster for each test. */
final class PostgresStoreContractTest extends ConnectionStoreContract {

  @TempDir Path home;

  @Override
  protected ConnectionStore newStore() {
    return TestStores.postgres(home, TestKeys.applicationAead());
  }

  @AfterEach
  void closeThePool() {
    ((JdbcConnectionStore) store).close();
  }
}
