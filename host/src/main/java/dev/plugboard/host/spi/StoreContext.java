package dev.plugboard.host.spi;

import com.google.crypto.tink.Aead;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link ConnectionStoreProvider} gets from the host to open a store with: the master key
 * that wraps the store's data key, a clock, the environment (for a database password, which is
 * never taken from a URL or argv) and the host's home folder.
 *
 * <pre>{@code
 * StoreContext context = StoreContext.of(Path.of("/var/lib/app/plugboard"), () -> kmsAead, Clock.systemUTC(),
 *     name -> Optional.ofNullable(System.getenv(name)));
 * ConnectionStore store = new JdbcStoreProvider().open("jdbc:sqlite:/var/lib/app/connections.db", context);
 * }</pre>
 */
public final class StoreContext {

  private final Path home;
  private final Supplier<Aead> masterKey;
  private final Clock clock;
  private final Function<String, Optional<String>> environment;

  private StoreContext(Path home, Supplier<Aead> masterKey, Clock clock, Function<String, Optional<String>> environment) {
    this.home = Objects.requireNonNull(home, "home == null");
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.environment = Objects.requireNonNull(environment, "environment == null");
  }

  /**
   * @param home the host's home folder
   * @param masterKey gives the master key when a store first needs it; called once at most
   * @param clock the host's clock
   * @param environment the value of an environment variable, if it is set
   */
  public static StoreContext of(Path home, Supplier<Aead> masterKey, Clock clock,
      Function<String, Optional<String>> environment) {
    return new StoreContext(home, memoized(Objects.requireNonNull(masterKey, "masterKey == null")), clock, environment);
  }

  /**
   * The key that wraps the store's data key ({@link ConnectionSealer#unwrapping(byte[], Aead)}):
   * the application's {@link Aead} ({@link dev.plugboard.host.Plugboard.Builder#aead(Aead)}, a KMS
   * key say), else the key in the home folder's {@code keyset.json}, made on first use. Use it to
   * wrap and unwrap the data key only, never per record: it may be a call to a remote KMS.
   *
   * @throws dev.plugboard.host.ConnectionStoreException when the home folder's key cannot be read
   */
  public Aead masterKey() {
    return masterKey.get();
  }

  public Clock clock() {
    return clock;
  }

  /** The value of environment variable {@code name}, if it is set and not empty. */
  public Optional<String> environment(String name) {
    return Objects.requireNonNull(environment.apply(name), "the environment function returned null: return Optional.empty()")
        .filter(value -> !value.isEmpty());
  }

  /** The host's home folder, for a store that keeps files (an SQLite database named relative to it, say). */
  public Path home() {
    return home;
  }

  private static Supplier<Aead> memoized(Supplier<Aead> supplier) {
    return new Supplier<>() {
      private Aead aead;

      @Override
      public synchronized Aead get() {
        if (aead == null) {
          aead = Objects.requireNonNull(supplier.get(), "the master key supplier returned null");
        }
        return aead;
      }
    };
  }
}
