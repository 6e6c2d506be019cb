package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.ConnectionStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** The key in the home folder's key file, made on first use: the master key of a store named by URL when the application supplies none. */
final class HomeKey {

  private HomeKey() {}

  static Aead masterKey(Path home) {
    Path folder = home.toAbsolutePath().normalize();
    Path file = folder.resolve(FileConnectionStore.KEYSET_FILE);
    try {
      OwnerOnly.createFolder(folder);
      return StoreLock.holding(folder.resolve(FileConnectionStore.LOCK_FILE), () -> new KeysetFile(file).existingOrNew(folder));
    } catch (IOException | GeneralSecurityException e) {
      throw new ConnectionStoreException("cannot make or read the key " + file + " (" + e.getClass().getSimpleName()
          + "): check that " + folder + " is a folder you can write to, or choose another with --home DIR", e);
    }
  }
}
