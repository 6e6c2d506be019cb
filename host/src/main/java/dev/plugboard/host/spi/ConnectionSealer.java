package dev.plugboard.host.spi;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * Seals connections for keeping at rest, and opens them again: the sealing every Plugboard store
 * shares, so a record means the same in a file and in a database row.
 *
 * <p>A record is the whole connection, secrets included, as JSON encrypted with AES-256-GCM
 * (Tink) under the store's <em>data key</em>. Its associated data binds the tenant, the name and
 * the connector, so a record copied to another tenant, name or connector does not open; its
 * version is inside, so an older record put back in place of a newer one is told apart ({@link
 * #open} checks it against the version the store says it keeps).
 *
 * <p>The data key may be kept wrapped (encrypted) by a master key the application supplies, such
 * as a KMS-backed Tink {@link Aead}: it is unwrapped once, when the store opens, and records are
 * then sealed locally, with no call to the KMS per record.
 *
 * <pre>{@code
 * // once, when the store is created: keep these bytes (a file, a row); they hold no key in the clear
 * byte[] wrapped = ConnectionSealer.newWrappedDataKey(kmsAead);
 *
 * // each time the store opens: one call to the master key
 * ConnectionSealer sealer = ConnectionSealer.unwrapping(wrapped, kmsAead);
 *
 * Connection next = connection.withVersion(kept + 1);      // seal the version it will be kept at
 * byte[] record = sealer.seal(next);                       // store with tenant, name, connector, version columns
 * Connection back = sealer.open(tenant, name, connector, version, record, "table connections of jdbc:sqlite:app.db");
 * }</pre>
 */
public final class ConnectionSealer {

  // An explicit configuration: what reads and makes keys does not depend on what else registered with Tink.
  private static final Configuration AEAD = AeadConfig2026.get();
  private static final byte[] WRAP_CONTEXT = "plugboard-data-key".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEY_CHECK_CONTEXT = "plugboard-key-check:2".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEY_CHECK_TEXT = "plugboard connection store, format 2".getBytes(StandardCharsets.UTF_8);
  private static final String RECORD_CONTEXT = "plugboard-connection:2";

  private final Aead dataKey;

  private ConnectionSealer(Aead dataKey) {
    this.dataKey = Objects.requireNonNull(dataKey, "dataKey == null");
  }

  /** A sealer using {@code dataKey} itself for every record: for a local key, such as a keyset file's. */
  public static ConnectionSealer of(Aead dataKey) {
    return new ConnectionSealer(dataKey);
  }

  /**
   * A new AES-256-GCM data key, encrypted with {@code masterKey}, as bytes to keep beside the
   * records (Tink's encrypted JSON keyset).
   *
   * @throws ConnectionStoreException when the master key cannot encrypt (a KMS that is unreachable, say)
   */
  public static byte[] newWrappedDataKey(Aead masterKey) {
    Objects.requireNonNull(masterKey, "masterKey == null");
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AEAD);
      return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, WRAP_CONTEXT, AEAD)
          .getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("the master key cannot encrypt a new data key (" + e.getClass().getSimpleName()
          + "): check that the application's key (Aead) is reachable and allowed to encrypt", e);
    }
  }

  /**
   * A sealer using the data key {@code wrapped} holds, decrypted with {@code masterKey}: the one
   * call to the master key.
   *
   * @throws ConnectionStoreException when {@code masterKey} does not open it (another key, or altered bytes)
   */
  public static ConnectionSealer unwrapping(byte[] wrapped, Aead masterKey) {
    Objects.requireNonNull(wrapped, "wrapped == null");
    Objects.requireNonNull(masterKey, "masterKey == null");
    try {
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
          new String(wrapped, StandardCharsets.UTF_8), masterKey, WRAP_CONTEXT, AEAD);
      return new ConnectionSealer(keyset.getPrimitive(AEAD, Aead.class));
    } catch (GeneralSecurityException | RuntimeException e) {
      // Neither Tink's message nor the cause goes further: they may quote the bytes.
      throw new ConnectionStoreException("the application's key (Aead) does not open the store's data key: it is"
          + " another key than the store was made with, or the wrapped data key was altered. Use the key the store"
          + " was made with, or restore the wrapped data key from a backup");
    }
  }

  /**
   * {@code connection} sealed, its version included: seal the connection at the version it will
   * be kept at ({@code connection.withVersion(kept + 1)}).
   */
  public byte[] seal(Connection connection) {
    Objects.requireNonNull(connection, "connection == null");
    byte[] plaintext = Mappers.strictJson().writeValueAsBytes(SealedConnection.of(connection));
    try {
      return dataKey.encrypt(plaintext, associatedData(connection.tenant(), connection.name(), connection.connector()));
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("cannot seal connection " + connection.name() + " ("
          + e.getClass().getSimpleName() + ")", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * The connection {@code sealed} holds, once checked to be the one kept under this tenant, name,
   * connector and version.
   *
   * @param where the store, for messages: {@code "/home/ana/.plugboard"}, {@code "table connections of jdbc:…"}
   *     (never with a password)
   * @throws ConnectionStoreException naming the connection and {@code where}, never quoting the
   *     record, when it does not open (altered, or moved from another tenant, name or connector) or
   *     holds another version (an older record put back)
   */
  public Connection open(String tenant, String name, String connector, long version, byte[] sealed, String where) {
    Objects.requireNonNull(sealed, "sealed == null");
    byte[] plaintext;
    try {
      plaintext = dataKey.decrypt(sealed, associatedData(tenant, name, connector));
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException(described(tenant, name) + " in " + where + " does not open although the key"
          + " fits the store: its record was altered, or moved there from another tenant, name or connector. "
          + remedy(name, where));
    }
    Connection connection;
    try {
      connection = Mappers.strictJson().readValue(plaintext, SealedConnection.class).toConnection();
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // The plaintext holds secrets and Jackson's messages quote it: neither message nor cause goes further.
      throw new ConnectionStoreException(described(tenant, name) + " in " + where + " opens but is not a record"
          + " this Plugboard reads: use the Plugboard that wrote it, or remove it and connect again");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    if (!connection.tenant().equals(tenant) || !connection.name().equals(name) || !connection.connector().equals(connector)) {
      throw new ConnectionStoreException(described(tenant, name) + " in " + where + " holds another connection. "
          + remedy(name, where));
    }
    if (connection.version() != version) {
      throw new ConnectionStoreException(described(tenant, name) + " in " + where + " is version " + connection.version()
          + " where version " + version + " is kept: an " + (connection.version() < version ? "older" : "unfinished")
          + " copy of its record was put in its place. " + remedy(name, where));
    }
    return connection;
  }

  /** A fixed text sealed with the data key: kept beside the records, it tells a wrong key from an altered record. */
  public byte[] keyCheck() {
    try {
      return dataKey.encrypt(KEY_CHECK_TEXT, KEY_CHECK_CONTEXT);
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("cannot seal the key check (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Whether {@code keyCheck}, made by {@link #keyCheck()}, was made with this sealer's data key. */
  public boolean fits(byte[] keyCheck) {
    try {
      return Arrays.equals(dataKey.decrypt(keyCheck, KEY_CHECK_CONTEXT), KEY_CHECK_TEXT);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Seals bytes of the store's own (an index, a manifest) with the data key, bound to {@code context}.
   * For store implementations that authenticate more than records.
   */
  public byte[] sealOther(String context, byte[] plaintext) {
    try {
      return dataKey.encrypt(plaintext, ("plugboard-store:" + context).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("cannot seal the store's " + context + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * What {@link #sealOther} sealed under {@code context}.
   *
   * @throws GeneralSecurityException when it does not open: altered, or sealed under another context or key
   */
  public byte[] openOther(String context, byte[] sealed) throws GeneralSecurityException {
    return dataKey.decrypt(sealed, ("plugboard-store:" + context).getBytes(StandardCharsets.UTF_8));
  }

  /** The associated data of a record: binds it to its tenant, name and connector. */
  static byte[] associatedData(String tenant, String name, String connector) {
    ConnectionNames.requireValidTenant(tenant);
    ConnectionNames.requireValid(name);
    Objects.requireNonNull(connector, "connector == null");
    // Neither tenants nor names hold a newline, so the three cannot be shifted into one another.
    return (RECORD_CONTEXT + "\n" + tenant + "\n" + name + "\n" + connector).getBytes(StandardCharsets.UTF_8);
  }

  private static String described(String tenant, String name) {
    return "connection " + name + (ConnectionNames.DEFAULT_TENANT.equals(tenant) ? "" : " of tenant " + tenant);
  }

  private static String remedy(String name, String where) {
    return "Remove it (plugboard connections remove " + name + ") and connect again, or restore " + where
        + " from a backup; Plugboard leaves it as it is";
  }
}
