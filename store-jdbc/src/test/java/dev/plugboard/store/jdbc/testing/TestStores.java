package dev.plugboard.store.jdbc.testing;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.spi.StoreContext;
import dev.plugboard.store.jdbc.JdbcConnectionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Database stores as an application opens them: for tests and benchmarks. */
public final class TestStores {

  private TestStores() {}

  /** A store in a new database of the shared test PostgreSQL, its data key wrapped by {@code masterKey}. */
  public static JdbcConnectionStore postgres(Path home, Aead masterKey) {
    PostgresCluster postgres = PostgresCluster.shared();
    return JdbcConnectionStore.open(postgres.newDatabase() + "?user=" + postgres.user(), context(home, masterKey,
        Map.of("PLUGBOARD_STORE_PASSWORD", postgres.password())));
  }

  /** A store in SQLite file {@code file}, its data key wrapped by {@code masterKey}. */
  public static JdbcConnectionStore sqlite(Path file, Aead masterKey) {
    return JdbcConnectionStore.open("jdbc:sqlite:" + file, context(file.getParent(), masterKey, Map.of()));
  }

  /** What a host gives a store provider: {@code environment} stands for the process's. */
  public static StoreContext context(Path home, Aead masterKey, Map<String, String> environment) {
    return StoreContext.of(home, () -> masterKey, Clock.systemUTC(), name -> Optional.ofNullable(environment.get(name)));
  }
}
