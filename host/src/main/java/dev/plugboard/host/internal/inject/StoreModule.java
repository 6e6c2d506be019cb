package dev.plugboard.host.internal.inject;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Scopes;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.store.StoreChoice;

/** Where connections are kept: the application's store, or Plugboard's file store under home. */
final class StoreModule implements Module {

  private final StoreChoice choice;
  private final HostSettings settings;
  /** The store this host opened itself (by URL), to close with the host; an application's own store stays open. */
  private volatile AutoCloseable opened;

  StoreModule(StoreChoice choice, HostSettings settings) {
    this.choice = choice;
    this.settings = settings;
  }

  @Override
  public void configure(Binder binder) {
    // Opened when first asked for (Tink and the store's files only then), once.
    binder.bind(ConnectionStore.class).toProvider(this::open).in(Scopes.SINGLETON);
  }

  private ConnectionStore open() {
    ConnectionStore store = choice.open(settings.home());
    if (choice instanceof StoreChoice.Url && store instanceof AutoCloseable closeable) {
      opened = closeable;
    }
    return store;
  }

  /** Closes the store this host opened by URL (its connection pool), if it did. */
  void close() throws Exception {
    AutoCloseable store = opened;
    if (store != null) {
      store.close();
    }
  }
}
