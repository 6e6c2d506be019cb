package dev.plugboard.host.internal.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.store.StoreChoice;

/** Where connections are kept: the application's store, or Plugboard's file store under home. */
final class StoreModule extends AbstractModule {

  private final StoreChoice choice;
  /** The store this host opened itself (by URL), to close with the host; an application's own store stays open. */
  private volatile AutoCloseable opened;

  StoreModule(StoreChoice choice) {
    this.choice = choice;
  }

  @Provides
  @Singleton
  ConnectionStore connectionStore(HostSettings settings) {
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
