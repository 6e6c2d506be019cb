package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;

/**
 * Plugboard's own connection store: one file under the home folder holding each connection as a
 * record sealed with AES-256-GCM (Tink), its name as associated data, beside a key check.
 *
 * <p>Readers take no lock: the file is only ever replaced whole by an atomic rename, so a reader
 * sees one complete version. Writers read, change and replace the file under {@link StoreLock},
 * which serialises threads and processes. Nothing is ever reset: a store that cannot be read, a key
 * that is missing or does not fit, an altered record, each is a {@link ConnectionStoreException}
 * naming the file and what to do, and the files stay as they are.
 */
public final class FileConnectionStore implements ConnectionStore {

  /** The file holding the sealed connections. */
  public static final String STORE_FILE = "connections.json";
  /** The file holding the key, when the application does not supply one. */
  public static final String KEYSET_FILE = "keyset.json";
  /** The file writers lock; always empty. */
  public static final String LOCK_FILE = "connections.lock";

  private final Path home;
  private final Path store;
  private final Path lock;
  private final StoreKey key;
  private final String keyName;
  private final AtomicFile.Failpoint failpoint;

  FileConnectionStore(Path home, StoreKey key, String keyName, AtomicFile.Failpoint failpoint) {
    this.home = home.toAbsolutePath().normalize();
    this.store = this.home.resolve(STORE_FILE);
    this.lock = this.home.resolve(LOCK_FILE);
    this.key = key;
    this.keyName = keyName;
    this.failpoint = failpoint;
  }

  /** A store in {@code home} whose key is kept beside it, created 0600 on first use. */
  public static FileConnectionStore withKeysetFile(Path home) {
    Path keyset = home.toAbsolutePath().normalize().resolve(KEYSET_FILE);
    return new FileConnectionStore(home, new KeysetFile(keyset), "the key " + keyset, AtomicFile.Failpoint.NONE);
  }

  /** A store in {@code home} sealed with the application's own key; no key file is written. */
  public static FileConnectionStore withAead(Path home, Aead aead) {
    Objects.requireNonNull(aead, "aead == null");
    return new FileConnectionStore(home, new StoreKey.Supplied(aead), "the application's key (Aead)", AtomicFile.Failpoint.NONE);
  }

  // Until the one-file-per-connection layout lands: the default tenant only, versions not kept.
  @Override
  public Optional<Connection> find(String tenant, String name) {
    return ConnectionNames.DEFAULT_TENANT.equals(tenant) ? find(name) : Optional.empty();
  }

  @Override
  public dev.plugboard.host.Page<Connection> list(dev.plugboard.host.ConnectionQuery query) {
    List<Connection> matching = list().stream().filter(query::matches).toList();
    return matching.size() <= query.limit() ? dev.plugboard.host.Page.last(matching)
        : new dev.plugboard.host.Page<>(matching.subList(0, query.limit()),
            Optional.of(matching.get(query.limit() - 1).name()));
  }

  @Override
  public List<Connection> due(java.time.Instant before, int limit) {
    return list().stream().filter(c -> c.dueBefore(before)).limit(limit).toList();
  }

  @Override
  public Connection put(Connection connection, long expectedVersion) {
    put(connection);
    return connection;
  }

  @Override
  public boolean remove(String tenant, String name, long expectedVersion) {
    return ConnectionNames.DEFAULT_TENANT.equals(tenant) && remove(name);
  }

  @Override
  public List<Connection> list() {
    Optional<StoreFile> file = StoreFile.read(store);
    if (file.isEmpty()) {
      return List.of();
    }
    Aead aead = fittingKey(file.get());
    return file.get().connections().stream().map(entry -> unseal(aead, entry)).toList();
  }

  @Override
  public Optional<Connection> find(String name) {
    Objects.requireNonNull(name, "name == null");
    Optional<StoreFile> file = StoreFile.read(store);
    Optional<StoreFile.Entry> entry = file.flatMap(f -> f.entry(name));
    return entry.map(e -> unseal(fittingKey(file.get()), e));
  }

  @Override
  public Connection put(Connection connection) {
    Objects.requireNonNull(connection, "connection == null");
    return writing(() -> {
      Optional<StoreFile> current = StoreFile.read(store);
      Aead aead = current.isPresent() ? fittingKey(current.get()) : key.existingOrNew(store);
      StoreFile base = current.isPresent() ? current.get() : StoreFile.empty(Sealing.keyCheck(aead));
      AtomicFile.replace(store, base.with(seal(aead, connection)).bytes(), failpoint);
      return connection;
    });
  }

  /** Reads, changes and writes the one record under the store's lock, so no other writer comes between. */
  @Override
  public Optional<Connection> update(String name, UnaryOperator<Optional<Connection>> change) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(change, "change == null");
    return writing(() -> {
      Optional<StoreFile> current = StoreFile.read(store);
      Aead aead = current.isPresent() ? fittingKey(current.get()) : key.existingOrNew(store);
      StoreFile base = current.isPresent() ? current.get() : StoreFile.empty(Sealing.keyCheck(aead));
      Optional<Connection> kept = base.entry(name).map(entry -> unseal(aead, entry));
      Optional<Connection> next = ConnectionNames.requireKeptUnder(name, change.apply(kept));
      if (!next.equals(kept)) {
        StoreFile changed = next.isPresent() ? base.with(seal(aead, next.get())) : base.without(name);
        AtomicFile.replace(store, changed.bytes(), failpoint);
      }
      return next;
    });
  }

  @Override
  public boolean remove(String name) {
    Objects.requireNonNull(name, "name == null");
    return writing(() -> {
      Optional<StoreFile> current = StoreFile.read(store);
      if (current.isEmpty() || current.get().entry(name).isEmpty()) {
        return false;
      }
      // Only a store the key fits is rewritten; the record itself need not open, so an altered one can be removed.
      fittingKey(current.get());
      AtomicFile.replace(store, current.get().without(name).bytes(), failpoint);
      return true;
    });
  }

  /** The store file, for messages and tests. */
  public Path file() {
    return store;
  }

  private Aead fittingKey(StoreFile file) {
    Aead aead = key.existing(store);
    if (!Sealing.fits(aead, file.keyCheck())) {
      throw new ConnectionStoreException(keyName + " does not open the connection store " + store
          + ": the store was written with another key, or it was altered. Restore the key it was written with,"
          + " or move " + store + " away to start afresh; Plugboard leaves both as they are");
    }
    return aead;
  }

  private StoreFile.Entry seal(Aead aead, Connection connection) throws GeneralSecurityException {
    byte[] plaintext = Mappers.strictJson().writeValueAsBytes(StoredConnection.of(connection));
    try {
      return new StoreFile.Entry(connection.name(), Sealing.seal(aead, connection.name(), plaintext));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private Connection unseal(Aead aead, StoreFile.Entry entry) {
    byte[] plaintext;
    try {
      plaintext = Sealing.open(aead, entry.name(), entry.sealed());
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("connection " + entry.name() + " in " + store + " does not open although the"
          + " key fits the store: its record was altered, or moved there from another name. Remove it"
          + " (plugboard connections remove " + entry.name() + ") and connect again, or restore " + store
          + " from a backup", e);
    }
    try {
      StoredConnection stored = Mappers.strictJson().readValue(plaintext, StoredConnection.class);
      if (!stored.name().equals(entry.name())) {
        throw new IllegalArgumentException("names another connection");
      }
      return stored.toConnection();
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // The plaintext holds secrets and Jackson's messages quote it: neither message nor cause goes further.
      throw new ConnectionStoreException("connection " + entry.name() + " in " + store + " opens but is not a record"
          + " this Plugboard reads: use the Plugboard that wrote it, or remove it and connect again");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private <T> T writing(StoreLock.Action<T> action) {
    try {
      OwnerOnly.createFolder(home);
      return StoreLock.holding(lock, () -> {
        AtomicFile.removeLeftovers(store);
        return action.run();
      });
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot write the connection store " + store + " (" + FileProblems.describe(e, store)
          + "): check that " + home + " is a folder you can write to, or choose another with --home DIR", e);
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("cannot seal a connection for " + store + " with " + keyName, e);
    }
  }
}
