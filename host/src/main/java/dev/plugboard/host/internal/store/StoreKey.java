package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

  /**
   * The sealer of the store's records: the key itself when it is local, else the data key it
   * wraps, unwrapped here once. With {@code create}, under the lock, what is missing is made.
   */
  ConnectionSealer sealer(StoreLayout layout, boolean create) throws IOException;

  /** An application's own key; nothing is written for it but the data key it wraps. */
  record Supplied(Aead aead) implements StoreKey {

    private static final long MAX_DATA_KEY = 1 << 16;

    @Override
    public Aead existing(Path store) {
      return aead;
    }

    @Override
    public Aead existingOrNew(Path store) {
      return aead;
    }

    @Override
    public ConnectionSealer sealer(StoreLayout layout, boolean create) throws IOException {
      String what = "the data key " + layout.dataKey;
      boolean none = Files.notExists(layout.manifest, LinkOption.NOFOLLOW_LINKS)
          && Files.notExists(layout.folder, LinkOption.NOFOLLOW_LINKS);
      // A data key is made only for a store that does not exist yet (one of 0.1.0 is sealed with the application's key itself).
      if (create && none && Files.notExists(layout.dataKey, LinkOption.NOFOLLOW_LINKS)) {
        AtomicFile.removeLeftovers(layout.dataKey);
        AtomicFile.create(layout.dataKey, ConnectionSealer.newWrappedDataKey(aead));
      }
      byte[] wrapped = StoreFiles.read(layout.dataKey, MAX_DATA_KEY, what).orElseThrow(() -> new ConnectionStoreException(
          "the connection store " + layout.folder + " exists but its data key " + layout.dataKey + " is missing, so the"
              + " connections cannot be read: restore " + layout.dataKey + " from your backup, or move "
              + FileConnectionStore.FOLDER_AND_MANIFEST + " away to start afresh"));
      try {
        return ConnectionSealer.unwrapping(wrapped, aead);
      } catch (ConnectionStoreException e) {
        throw new ConnectionStoreException("the application's key (Aead) does not open the connection store "
            + layout.folder + ": its data key " + layout.dataKey + " was wrapped by another key, or altered. Use the key"
            + " the store was made with, or restore " + layout.dataKey + " from a backup; Plugboard leaves both as they are");
      }
    }
  }
}
