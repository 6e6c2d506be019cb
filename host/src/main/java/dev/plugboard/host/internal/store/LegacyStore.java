package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Plugboard 0.1.0's one-file store, {@code connections.json}: read until the first write, which
 * migrates it into the one-file-per-connection layout (then keeps it as {@code
 * connections.json.migrated}). Every record must open for the migration to run, so no damaged
 * record is carried along; one that does not is named, with what to do.
 */
final class LegacyStore {

  private final Path file;
  private final StoreKey key;
  private final String keyName;

  LegacyStore(Path file, StoreKey key, String keyName) {
    this.file = file;
    this.key = key;
    this.keyName = keyName;
  }

  Path file() {
    return file;
  }

  List<Connection> list() {
    Optional<StoreFile> store = StoreFile.read(file);
    if (store.isEmpty()) {
      return List.of();
    }
    Aead aead = fittingKey(store.get());
    return store.get().connections().stream().map(entry -> unseal(aead, entry)).toList();
  }

  Optional<Connection> find(String name) {
    Optional<StoreFile> store = StoreFile.read(file);
    Optional<StoreFile.Entry> entry = store.flatMap(f -> f.entry(name));
    return entry.map(e -> unseal(fittingKey(store.get()), e));
  }

  /** Rewrites the file without {@code name}; the record itself need not open, so an altered one can be removed. Under the lock. */
  boolean remove(String name, AtomicFile.Failpoint failpoint) throws IOException {
    Optional<StoreFile> current = StoreFile.read(file);
    if (current.isEmpty() || current.get().entry(name).isEmpty()) {
      return false;
    }
    fittingKey(current.get());
    AtomicFile.replace(file, current.get().without(name).bytes(), failpoint);
    return true;
  }

  private Aead fittingKey(StoreFile store) {
    Aead aead = key.existing(file);
    if (!Sealing.fits(aead, store.keyCheck())) {
      throw new ConnectionStoreException(keyName + " does not open the connection store " + file
          + ": the store was written with another key, or it was altered. Restore the key it was written with,"
          + " or move " + file + " away to start afresh; Plugboard leaves both as they are");
    }
    return aead;
  }

  private Connection unseal(Aead aead, StoreFile.Entry entry) {
    byte[] plaintext;
    try {
      plaintext = Sealing.open(aead, entry.name(), entry.sealed());
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("connection " + entry.name() + " in " + file + " does not open although the"
          + " key fits the store: its record was altered, or moved there from another name. Remove it"
          + " (plugboard connections remove " + entry.name() + ") and connect again, or restore " + file
          + " from a backup", e);
    }
    try {
      LegacyRecord stored = Mappers.strictJson().readValue(plaintext, LegacyRecord.class);
      if (!stored.name().equals(entry.name())) {
        throw new IllegalArgumentException("names another connection");
      }
      return stored.toConnection();
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // The plaintext holds secrets and Jackson's messages quote it: neither message nor cause goes further.
      throw new ConnectionStoreException("connection " + entry.name() + " in " + file + " opens but is not a record"
          + " this Plugboard reads: use the Plugboard that wrote it, or remove it and connect again");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }
}
