package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.testing.ConnectionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, against the file store with its key file. */
final class FileStoreContractTest extends ConnectionStoreContract {

  @TempDir Path home;

  @Override
  protected ConnectionStore newStore() {
    return FileConnectionStore.withKeysetFile(home);
  }
}
