package dev.plugboard.store.jdbc;

import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.spi.ConnectionStoreProvider;
import dev.plugboard.host.spi.StoreContext;

/**
 * Opens {@code jdbc:postgresql:…} and {@code jdbc:sqlite:…} store URLs for the CLI's {@code
 * --store URL} and {@code Plugboard.Builder.store(url)}; found by {@link java.util.ServiceLoader}.
 */
public final class JdbcStoreProvider implements ConnectionStoreProvider {

  @Override
  public boolean accepts(String url) {
    return Dialect.ofUrl(url).isPresent();
  }

  @Override
  public ConnectionStore open(String url, StoreContext context) {
    return JdbcConnectionStore.open(url, context);
  }

  @Override
  public String description() {
    return "jdbc (PostgreSQL, SQLite)";
  }
}
