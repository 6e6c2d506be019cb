package dev.plugboard.store.jdbc.testing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * An application's master key shared by its instances (separate JVMs) in a test: a cleartext
 * keyset in a file of the test's temporary folder. Where a real application would use its KMS.
 */
public final class SharedKey {

  static {
    try {
      AeadConfig.register(); // key serialisation, for the cleartext keyset file
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private SharedKey() {}

  /** Writes a new AES-256-GCM keyset to {@code file}. */
  public static void create(Path file) {
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
      Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot make a key", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key {@link #create} wrote to {@code file}. */
  public static Aead read(Path file) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get())
          .getPrimitive(AeadConfig2026.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not a keyset: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
