package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.ConnectionStore;
import java.nio.file.Path;
import java.util.Objects;

/** Which connection store a host uses, as the application or the CLI chose it. */
public sealed interface StoreChoice {

  /** The store, given the host's home folder. */
  ConnectionStore open(Path home);

  /** The default: Plugboard's file store in the home folder, its key in a file beside it. */
  record KeysetFile() implements StoreChoice {
    @Override
    public ConnectionStore open(Path home) {
      return FileConnectionStore.withKeysetFile(home);
    }
  }

  /** Plugboard's file store in the home folder, sealed with the application's key. */
  record ApplicationKey(Aead aead) implements StoreChoice {
    public ApplicationKey {
      Objects.requireNonNull(aead, "aead == null");
    }

    @Override
    public ConnectionStore open(Path home) {
      return FileConnectionStore.withAead(home, aead);
    }
  }

  /** The application's own store; the home folder is not used for connections. */
  record ApplicationStore(ConnectionStore store) implements StoreChoice {
    public ApplicationStore {
      Objects.requireNonNull(store, "store == null");
    }

    @Override
    public ConnectionStore open(Path home) {
      return store;
    }
  }
}
