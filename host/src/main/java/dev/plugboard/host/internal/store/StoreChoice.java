package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.spi.ConnectionStoreProvider;
import dev.plugboard.host.spi.StoreContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * A store named by a URL ({@code jdbc:postgresql://…}), opened by the first {@link
   * ConnectionStoreProvider} on the class path that accepts it. Its master key is the application's
   * {@code aead} when there is one, else the key file in the home folder.
   */
  record Url(String url, Optional<Aead> aead) implements StoreChoice {
    public Url {
      Objects.requireNonNull(url, "url == null");
      Objects.requireNonNull(aead, "aead == null");
    }

    @Override
    public ConnectionStore open(Path home) {
      StoreContext context = StoreContext.of(home, () -> aead.orElseGet(() -> HomeKey.masterKey(home)),
          Clock.systemUTC(), name -> Optional.ofNullable(System.getenv(name)));
      return StoreProviders.open(url, context);
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
