package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Path;

/** Where the key that seals a store's records comes from. */
sealed interface StoreKey permits KeysetFile, StoreKey.Supplied {

  /**
   * The key of an existing store.
   *
   * @throws dev.plugboard.host.ConnectionStoreException when it is missing or unreadable
   */
  Aead existing(Path store);

  /** The key for a store about to be created: the existing key, or a new one. Called under the lock. */
  Aead existingOrNew(Path store) throws IOException;

  /** An application's own key; nothing is written for it. */
  record Supplied(Aead aead) implements StoreKey {

    @Override
    public Aead existing(Path store) {
      return aead;
    }

    @Override
    public Aead existingOrNew(Path store) {
      return aead;
    }
  }
}
