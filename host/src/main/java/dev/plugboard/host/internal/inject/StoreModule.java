package dev.plugboard.host.internal.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.internal.store.StoreChoice;

/** Where connections are kept: the application's store, or Plugboard's file store under home. */
final class StoreModule extends AbstractModule {

  private final StoreChoice choice;

  StoreModule(StoreChoice choice) {
    this.choice = choice;
  }

  @Provides
  @Singleton
  ConnectionStore connectionStore(HostSettings settings) {
    return choice.open(settings.home());
  }
}
