package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application's key (a KMS one, say) wraps the store's data key and is called once per store, not once per record. */
final class ApplicationKeyTest {

  @TempDir Path home;

  @Test
  void theApplicationsKeyIsCalledOnceToWrapTheDataKeyAndOnceForEachStoreThatOpensIt() {
    CountingAead kms = new CountingAead(TestKeys.applicationAead());

    FileConnectionStore writer = FileConnectionStore.withAead(home, kms);
    for (int i = 0; i < 20; i++) {
      writer.put(TestConnections.connection("shop/s" + i));
    }
    assertThat(writer.list()).hasSize(20);
    assertThat(kms.encrypts).hasValue(1);
    assertThat(kms.decrypts).hasValue(1);

    FileConnectionStore reader = FileConnectionStore.withAead(home, kms);
    assertThat(reader.list()).hasSize(20);
    reader.find("shop/s7").orElseThrow();
    assertThat(kms.encrypts).hasValue(1);
    assertThat(kms.decrypts).hasValue(2);
  }

  /** A stand-in for a KMS key that counts its calls. */
  private static final class CountingAead implements Aead {
    private final Aead aead;
    final AtomicInteger encrypts = new AtomicInteger();
    final AtomicInteger decrypts = new AtomicInteger();

    CountingAead(Aead aead) {
      this.aead = aead;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
      encrypts.incrementAndGet();
      return aead.encrypt(plaintext, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
      decrypts.incrementAndGet();
      return aead.decrypt(ciphertext, associatedData);
    }
  }
}
