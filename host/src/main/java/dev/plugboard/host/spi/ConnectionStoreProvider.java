package dev.plugboard.host.spi;

import dev.plugboard.host.ConnectionStore;

/**
 * Opens a {@link ConnectionStore} named by a URL, so that the CLI and {@link
 * dev.plugboard.host.Plugboard.Builder#store(String)} reach stores the host does not depend on.
 * Providers are found with {@link java.util.ServiceLoader}: a jar on the class path lists its
 * provider in {@code META-INF/services/dev.plugboard.host.spi.ConnectionStoreProvider}.
 *
 * <pre>{@code
 * public final class JdbcStoreProvider implements ConnectionStoreProvider {
 *   public boolean accepts(String url) {
 *     return url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:sqlite:");
 *   }
 *
 *   public ConnectionStore open(String url, StoreContext context) {
 *     String password = context.environment("PLUGBOARD_STORE_PASSWORD").orElse(null); // never in the URL or argv
 *     DataSource data = dataSource(url, password);
 *     migrate(data);                                   // Flyway, not hand-written DDL
 *     byte[] wrapped = dataKeyRow(data).orElseGet(() -> insertDataKey(data, ConnectionSealer.newWrappedDataKey(context.masterKey())));
 *     ConnectionSealer sealer = ConnectionSealer.unwrapping(wrapped, context.masterKey()); // one call to the master key
 *     return new JdbcConnectionStore(data, sealer, context.clock());
 *   }
 * }
 * }</pre>
 *
 * <p>The first provider that accepts a URL opens it; a URL no provider accepts is a usage error
 * naming the URL's scheme (never the whole URL, which may hold a password).
 */
public interface ConnectionStoreProvider {

  /** Whether this provider opens stores named like {@code url}; looks at the URL only, opens nothing. */
  boolean accepts(String url);

  /**
   * The store {@code url} names, ready for use: its schema created or migrated.
   *
   * @throws dev.plugboard.host.ConnectionStoreException when it cannot be reached or opened; the
   *     message names the store without its password and says what to do
   */
  ConnectionStore open(String url, StoreContext context);

  /** A short name for messages and {@code plugboard --help}, such as {@code jdbc (PostgreSQL, SQLite)}. */
  default String description() {
    return getClass().getSimpleName();
  }
}
