package dev.plugboard.host.testing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/** Keys as an application would hand them to Plugboard. */
public final class TestKeys {

  private TestKeys() {}

  /** A fresh AES-256-GCM key of the application's own, held in memory only. */
  public static Aead applicationAead() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get())
          .getPrimitive(AeadConfig2026.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot make an AES-256-GCM key", e);
    }
  }
}
