package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * A Tink AES-256-GCM keyset in a JSON file readable by its owner only. It is created on first use,
 * only while no store exists, and never replaced: a store whose key is gone stays unreadable
 * rather than silently starting over with a new key.
 */
final class KeysetFile implements StoreKey {

  // An explicit configuration: what reads and makes keys does not depend on what else registered with Tink.
  private static final Configuration AEAD = AeadConfig2026.get();

  private static final long MAX_BYTES = 1 << 16;

  private final Path file;

  KeysetFile(Path file) {
    this.file = file;
  }

  @Override
  public Aead existing(Path store) {
    return existing(store, store.toString());
  }

  /** @param moveAway what to move away to start afresh, in messages */
  private Aead existing(Path store, String moveAway) {
    String json;
    try {
      StoreFiles.refuseLink(file);
      json = new String(StoreFiles.read(file, MAX_BYTES, "the key " + file).orElseThrow(() -> new NoSuchFileException(file.toString())),
          StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConnectionStoreException("the connection store " + store + " exists but its key " + file
          + " is missing, so the connections cannot be read: restore " + file + " from your backup, or move "
          + moveAway + " away to start afresh (Plugboard will not make a new key for an existing store)");
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot read the key " + file + " (" + FileProblems.describe(e, file)
          + "): make it a file readable by the user running Plugboard (chmod 600 " + file + ")", e);
    }
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, AEAD, InsecureSecretKeyAccess.get()).getPrimitive(AEAD, Aead.class);
    } catch (GeneralSecurityException e) {
      // Tink's message may quote the file, which holds key material: leave it and the cause out.
      throw new ConnectionStoreException("the key " + file + " is damaged (not a Tink AEAD keyset in JSON): restore it"
          + " from your backup; without it the connections in " + store + " cannot be read");
    }
  }

  @Override
  public ConnectionSealer sealer(StoreLayout layout, boolean create) throws IOException {
    boolean none = Files.notExists(layout.manifest, LinkOption.NOFOLLOW_LINKS) && Files.notExists(layout.folder, LinkOption.NOFOLLOW_LINKS)
        && Files.notExists(layout.legacy, LinkOption.NOFOLLOW_LINKS);
    // A key is made only for a store that does not exist yet: an existing store whose key is gone stays unreadable.
    return ConnectionSealer.of(create && none ? existingOrNew(layout.folder)
        : existing(layout.folder, FileConnectionStore.FOLDER_AND_MANIFEST));
  }

  @Override
  public Aead existingOrNew(Path store) throws IOException {
    StoreFiles.refuseLink(file);
    if (Files.notExists(file)) {
      AtomicFile.removeLeftovers(file);
      try {
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AEAD);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, AEAD, InsecureSecretKeyAccess.get());
        AtomicFile.create(file, json.getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Tink cannot make an AES-256-GCM key", e);
      }
    }
    return existing(store);
  }
}
