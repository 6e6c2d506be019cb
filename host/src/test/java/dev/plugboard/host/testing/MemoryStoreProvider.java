package dev.plugboard.host.testing;

import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.spi.ConnectionStoreProvider;
import dev.plugboard.host.spi.StoreContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store provider on the tests' class path, for {@code memory:NAME} URLs: what a store module
 * such as {@code store-jdbc} plugs in, as small as it can be. The store of one name is shared.
 */
public final class MemoryStoreProvider implements ConnectionStoreProvider {

  /** The context each store was last opened with, by URL. */
  public static final Map<String, StoreContext> CONTEXTS = new ConcurrentHashMap<>();
  private static final Map<String, ConnectionStore> STORES = new ConcurrentHashMap<>();

  @Override
  public boolean accepts(String url) {
    return url.startsWith("memory:");
  }

  @Override
  public ConnectionStore open(String url, StoreContext context) {
    CONTEXTS.put(url, context);
    context.masterKey(); // as a real store would, to unwrap its data key
    return STORES.computeIfAbsent(url, u -> new InMemoryConnectionStore());
  }

  @Override
  public String description() {
    return "memory (tests)";
  }
}
