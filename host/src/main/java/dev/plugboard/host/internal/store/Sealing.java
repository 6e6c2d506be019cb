package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * How records are sealed with the store's AEAD key. A record's associated data is
 * {@code plugboard-connection:} followed by its connection's name, so a record copied under
 * another name does not open. The key check, a fixed text sealed with its own associated data,
 * tells a wrong key apart from an altered record before anything is written.
 */
final class Sealing {

  private static final String RECORD_CONTEXT = "plugboard-connection:";
  private static final byte[] KEY_CHECK_CONTEXT = "plugboard-key-check".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEY_CHECK_TEXT = "plugboard connection store, format 1".getBytes(StandardCharsets.UTF_8);

  private Sealing() {}

  static String seal(Aead aead, String name, byte[] plaintext) throws GeneralSecurityException {
    return Base64.getEncoder().encodeToString(aead.encrypt(plaintext, context(name)));
  }

  /** @throws GeneralSecurityException when the record does not open with this key under this name */
  static byte[] open(Aead aead, String name, String sealed) throws GeneralSecurityException {
    return aead.decrypt(decode(sealed), context(name));
  }

  static String keyCheck(Aead aead) throws GeneralSecurityException {
    return Base64.getEncoder().encodeToString(aead.encrypt(KEY_CHECK_TEXT, KEY_CHECK_CONTEXT));
  }

  static boolean fits(Aead aead, String keyCheck) {
    try {
      return Arrays.equals(aead.decrypt(decode(keyCheck), KEY_CHECK_CONTEXT), KEY_CHECK_TEXT);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] context(String name) {
    return (RECORD_CONTEXT + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] decode(String base64) throws GeneralSecurityException {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("not base64", e);
    }
  }
}
