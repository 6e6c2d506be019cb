package dev.plugboard.host.testing;

import dev.plugboard.host.ConnectionStore;

/** The store contract, against the simplest application store, which relies on the interface's defaults. */
final class InMemoryStoreContractTest extends ConnectionStoreContract {

  @Override
  protected ConnectionStore newStore() {
    return new InMemoryConnectionStore();
  }
}
