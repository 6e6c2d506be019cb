package dev.plugboard.host.internal.store;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionConflictException;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.Page;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Plugboard's own connection store: one sealed file per connection under the home folder (see
 * {@link StoreLayout}), so that an operation touches the files of the connections it is about and
 * not the others. Each record is sealed with AES-256-GCM (Tink, {@link ConnectionSealer}), bound
 * to its tenant, name and connector.
 *
 * <p>Against rollback, an index sealed beside the records keeps each connection's version (in
 * 256 buckets, so a write rewrites one small bucket), and a sealed manifest beside the key keeps
 * the store's version and each bucket's. A record older than its index, a record deleted or put
 * back by hand, an index or a whole store folder older than the manifest: each is reported naming
 * the file and what to do. What one machine cannot know stays unknown: the home folder restored
 * whole (key, manifest and store together) is an older store that is consistent.
 *
 * <p>Readers take no lock: files are only replaced whole by atomic renames, and a reader that
 * meets a write in flight (a record newer than its index, say) takes the lock and reads again.
 * Writers take {@link StoreLock}, which serialises threads and processes, and write in an order
 * that lets the next writer finish what a killed one began: the write in flight (sealed), the
 * record, its index bucket, the manifest. Nothing is ever reset, and nothing damaged is carried
 * into a write: a write over a damaged index is refused, and a record that does not open is never
 * rewritten but by its own removal or replacement.
 */
public final class FileConnectionStore implements ConnectionStore {

  /** The file of Plugboard 0.1.0's one-file store, migrated on the first write. */
  public static final String STORE_FILE = "connections.json";
  /** The file holding the key, when the application does not supply one. */
  public static final String KEYSET_FILE = "keyset.json";
  /** The file writers lock; always empty. */
  public static final String LOCK_FILE = "connections.lock";
  /** What to move away to start afresh, in messages. */
  static final String FOLDER_AND_MANIFEST = StoreLayout.FOLDER + "/ and " + StoreLayout.MANIFEST + " in the home folder";

  private final StoreLayout layout;
  private final StoreKey key;
  private final String keyName;
  private final AtomicFile.Failpoint failpoint;
  private final IndexFiles index;
  private final RecordFiles records;
  private final LegacyStore legacy;
  private final HomeChecks checks;
  private volatile ConnectionSealer sealer;

  FileConnectionStore(Path home, StoreKey key, String keyName, AtomicFile.Failpoint failpoint) {
    this.layout = new StoreLayout(home);
    this.key = key;
    this.keyName = keyName;
    this.failpoint = failpoint;
    this.index = new IndexFiles(layout, failpoint);
    this.records = new RecordFiles(layout, failpoint);
    this.legacy = new LegacyStore(layout.legacy, key, keyName);
    this.checks = new HomeChecks(layout);
  }

  /** A store in {@code home} whose key is kept beside it, created 0600 on first use. */
  public static FileConnectionStore withKeysetFile(Path home) {
    Path keyset = home.toAbsolutePath().normalize().resolve(KEYSET_FILE);
    return new FileConnectionStore(home, new KeysetFile(keyset), "the key " + keyset, AtomicFile.Failpoint.NONE);
  }

  /**
   * A store in {@code home} whose data key is kept wrapped by the application's own key, and
   * unwrapped once; no key file is written.
   */
  public static FileConnectionStore withAead(Path home, Aead aead) {
    Objects.requireNonNull(aead, "aead == null");
    return new FileConnectionStore(home, new StoreKey.Supplied(aead), "the application's key (Aead)", AtomicFile.Failpoint.NONE);
  }

  /** The folder holding the records and their index, for messages and tests. */
  public Path file() {
    return layout.folder;
  }

  /** The file of one connection's record, for tests. */
  Path recordFile(String tenant, String name) {
    return layout.record(tenant, name);
  }

  /**
   * Refuses, saying what the home folder is, when nothing could be written in it (a file, a
   * read-only disk, a folder of another's): what a connect asks before it sends anything.
   */
  @Override
  public void requireWritable() {
    checks.check();
    checks.checkWritable();
  }

  @Override
  public Optional<Connection> find(String tenant, String name) {
    ConnectionNames.requireValidTenant(tenant);
    Objects.requireNonNull(name, "name == null");
    if (!ConnectionNames.isValid(name)) {
      return Optional.empty();
    }
    return reading(view -> view.connection(tenant, name),
        () -> ConnectionNames.DEFAULT_TENANT.equals(tenant) ? legacy.find(name) : Optional.empty());
  }

  @Override
  public Page<Connection> list(ConnectionQuery query) {
    Objects.requireNonNull(query, "query == null");
    return reading(view -> page(view, query), () -> legacyPage(query));
  }

  /** Every connection of {@code tenant}; also notices one deleted by hand, which a page cannot. */
  @Override
  public List<Connection> list(String tenant) {
    ConnectionNames.requireValidTenant(tenant);
    return reading(view -> {
      List<Connection> all = new ArrayList<>();
      for (String name : recordNames(tenant)) {
        view.connection(tenant, name).ifPresent(all::add);
      }
      Set<String> listed = all.stream().map(Connection::name).collect(Collectors.toSet());
      for (int bucket = 0; bucket < StoreLayout.BUCKETS; bucket++) {
        for (String name : view.bucket(String.format("%02x", bucket)).tenants().getOrDefault(tenant, Map.of()).keySet()) {
          if (!listed.contains(name)) {
            view.connection(tenant, name); // kept, but its file is gone: reported
          }
        }
      }
      return all;
    }, () -> ConnectionNames.DEFAULT_TENANT.equals(tenant) ? legacy.list() : List.of());
  }

  /** The names of the records and of the connections the index keeps (a record deleted by hand among them), unopened. */
  @Override
  public List<String> names(String tenant) {
    ConnectionNames.requireValidTenant(tenant);
    return reading(view -> {
      Set<String> all = new TreeSet<>(recordNames(tenant));
      for (int bucket = 0; bucket < StoreLayout.BUCKETS; bucket++) {
        all.addAll(view.bucket(String.format("%02x", bucket)).tenants().getOrDefault(tenant, Map.of()).keySet());
      }
      return List.copyOf(all);
    }, () -> ConnectionNames.DEFAULT_TENANT.equals(tenant) ? legacy.list().stream().map(Connection::name).toList()
        : List.of());
  }

  @Override
  public List<Connection> due(Instant before, int limit) {
    Objects.requireNonNull(before, "before == null");
    if (limit < 1 || limit > ConnectionQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + ConnectionQuery.MAX_LIMIT + ": " + limit);
    }
    return reading(view -> {
      List<Connection> due = new ArrayList<>();
      for (String tenant : tenants()) {
        for (String name : recordNames(tenant)) {
          view.connection(tenant, name).filter(c -> c.dueBefore(before)).ifPresent(due::add);
        }
      }
      return sortedDue(due, limit);
    }, () -> sortedDue(legacy.list().stream().filter(c -> c.dueBefore(before)).toList(), limit));
  }

  @Override
  public Connection put(Connection connection, long expectedVersion) {
    Objects.requireNonNull(connection, "connection == null");
    return writing(view -> {
      long kept = view.keptVersion(connection.tenant(), connection.name());
      requireExpected(connection.tenant(), connection.name(), expectedVersion, kept);
      return write(view, connection, kept);
    });
  }

  @Override
  public boolean remove(String tenant, String name, long expectedVersion) {
    ConnectionNames.requireValidTenant(tenant);
    Objects.requireNonNull(name, "name == null");
    if (!ConnectionNames.isValid(name) || noStore()) {
      return false;
    }
    if (isLegacy()) {
      // Removing is how a record of 0.1.0 that does not open is got rid of, so it does not migrate first.
      return ConnectionNames.DEFAULT_TENANT.equals(tenant) && locked(() -> legacy.remove(name, failpoint));
    }
    return writing(view -> {
      long kept = view.keptVersion(tenant, name);
      requireExpected(tenant, name, expectedVersion, kept);
      boolean stray = Files.exists(layout.record(tenant, name), LinkOption.NOFOLLOW_LINKS);
      if (kept == 0 && !stray) {
        return false;
      }
      erase(view, tenant, name);
      return true;
    });
  }

  /** Reads, changes and writes the one connection under the store's lock, so no other writer comes between. */
  @Override
  public Optional<Connection> update(String tenant, String name, UnaryOperator<Optional<Connection>> change) {
    ConnectionNames.requireValidTenant(tenant);
    ConnectionNames.requireValid(name);
    Objects.requireNonNull(change, "change == null");
    return writing(view -> {
      Optional<Connection> current = view.connection(tenant, name);
      Optional<Connection> next = ConnectionNames.requireKeptUnder(tenant, name, change.apply(current));
      long kept = current.map(Connection::version).orElse(0L);
      if (next.isPresent()) {
        return next.get().withVersion(kept).equals(current.orElse(null)) ? current : Optional.of(write(view, next.get(), kept));
      }
      if (current.isPresent()) {
        erase(view, tenant, name);
      }
      return next;
    });
  }

  private Page<Connection> page(StoreView view, ConnectionQuery query) {
    List<Connection> matching = new ArrayList<>();
    // Only the names after the cursor are compared and sorted, and only those the page reaches are checked.
    for (String name : names(query.tenant(), query.after())) {
      if (!ConnectionNames.isValid(name)) {
        continue;
      }
      view.connection(query.tenant(), name).filter(query::matches).ifPresent(matching::add);
      if (matching.size() > query.limit()) {
        return new Page<>(matching.subList(0, query.limit()), Optional.of(matching.get(query.limit() - 1).name()));
      }
    }
    return Page.last(matching);
  }

  private Page<Connection> legacyPage(ConnectionQuery query) {
    if (!ConnectionNames.DEFAULT_TENANT.equals(query.tenant())) {
      return Page.last(List.of());
    }
    List<Connection> matching = legacy.list().stream().filter(query::matches).limit(query.limit() + 1L).toList();
    return matching.size() <= query.limit() ? Page.last(matching)
        : new Page<>(matching.subList(0, query.limit()), Optional.of(matching.get(query.limit() - 1).name()));
  }

  private static List<Connection> sortedDue(List<Connection> due, int limit) {
    return due.stream()
        .sorted(Comparator.comparing((Connection c) -> c.nextCheckAt().orElseThrow())
            .thenComparing(Connection::tenant).thenComparing(Connection::name))
        .limit(limit).toList();
  }

  private static void requireExpected(String tenant, String name, long expected, long kept) {
    if (expected != ANY_VERSION && expected != kept) {
      throw new ConnectionConflictException(tenant, name, expected, kept);
    }
  }

  // The four steps of a write, in the order the next writer can finish them in (see Repair).
  private Connection write(StoreView view, Connection connection, long kept) throws IOException {
    String tenant = connection.tenant();
    String name = connection.name();
    long stray = records.read(tenant, name).map(RecordFiles.Header::version).orElse(0L);
    Connection next = connection.withVersion(Math.max(kept, safe(stray)) + 1);
    IndexFiles.Manifest manifest = view.manifest();
    index.write(view.sealer(), new IndexFiles.Pending(manifest.storeVersion() + 1, tenant, name, next.version()));
    records.write(view.sealer(), next);
    commit(view, tenant, name, next.version());
    return next;
  }

  private void erase(StoreView view, String tenant, String name) throws IOException {
    index.write(view.sealer(), new IndexFiles.Pending(view.manifest().storeVersion() + 1, tenant, name, 0));
    records.delete(tenant, name);
    commit(view, tenant, name, 0);
  }

  private void commit(StoreView view, String tenant, String name, long version) throws IOException {
    String id = StoreLayout.bucket(tenant, name);
    IndexFiles.Bucket bucket = view.bucket(id);
    IndexFiles.Bucket next = bucket.with(bucket.version() + 1, tenant, name, version);
    index.write(view.sealer(), next);
    IndexFiles.Manifest manifest = view.manifest();
    index.write(view.sealer(), manifest.with(manifest.storeVersion() + 1, id, next.version()));
    Files.deleteIfExists(layout.pending);
  }

  // A record that cannot be read counts as version 0: it is replaced.
  private static long safe(long version) {
    return Math.max(0, version);
  }

  /** The names of {@code tenant}'s records, ordered, read from file names alone. */
  private List<String> recordNames(String tenant) {
    Path folder = layout.tenantFolder(tenant);
    StoreFiles.refuseLink(folder);
    return listing(folder, StoreLayout::nameOf);
  }

  /** What may be the names of {@code tenant}'s records after {@code after}, ordered; not yet checked to be names. */
  private List<String> names(String tenant, Optional<String> after) {
    Path folder = layout.tenantFolder(tenant);
    StoreFiles.refuseLink(folder);
    return listing(folder, file -> StoreLayout.candidateName(file).filter(name -> after.isEmpty() || name.compareTo(after.get()) > 0));
  }

  private List<String> tenants() {
    return listing(layout.records, StoreLayout::tenantOf);
  }

  private static List<String> listing(Path folder, Function<String, Optional<String>> decode) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (var files = Files.newDirectoryStream(folder)) {
      List<String> names = new ArrayList<>();
      for (Path file : files) {
        decode.apply(file.getFileName().toString()).ifPresent(names::add);
      }
      names.sort(Comparator.naturalOrder());
      return names;
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot list " + folder + " (" + FileProblems.describe(e, folder)
          + "): make it a folder readable by the user running Plugboard (chmod 700 " + folder + ")", e);
    }
  }

  private boolean noStore() {
    return Files.notExists(layout.manifest, LinkOption.NOFOLLOW_LINKS) && Files.notExists(layout.folder, LinkOption.NOFOLLOW_LINKS)
        && Files.notExists(layout.legacy, LinkOption.NOFOLLOW_LINKS);
  }

  private boolean isLegacy() {
    return Files.notExists(layout.manifest, LinkOption.NOFOLLOW_LINKS) && Files.exists(layout.legacy, LinkOption.NOFOLLOW_LINKS);
  }

  /** An operation that reads; it is read again under the lock if it meets a write in flight. */
  private <T> T reading(Function<StoreView, T> read, Supplier<T> readLegacy) {
    checks.check();
    if (isLegacy()) {
      return readLegacy.get();
    }
    if (noStore()) {
      // A home with no store: nothing to open, no key needed, nothing made.
      return read.apply(new StoreView(layout, index, records, null));
    }
    StoreView view;
    try {
      view = view(false);
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot read the connection store " + layout.folder + " ("
          + FileProblems.describe(e, layout.folder) + ")", e);
    }
    try {
      return read.apply(view);
    } catch (StoreView.Inconsistent e) {
      return locked(() -> {
        new Repair(layout, index, records).run(view(false));
        return confirmed(() -> read.apply(view(false)));
      });
    }
  }

  /** What a write does, given the store as read under the lock. */
  @FunctionalInterface
  private interface Write<T> {
    T run(StoreView view) throws IOException;
  }

  /** An operation that writes: under the lock, after finishing a killed writer's write, on a migrated store. */
  private <T> T writing(Write<T> write) {
    return locked(() -> {
      ConnectionSealer sealing = sealer(true);
      if (isLegacy()) {
        new Migration(layout, index, records, legacy).run(sealing);
      } else if (Files.exists(layout.legacy, LinkOption.NOFOLLOW_LINKS)) {
        Migration.putAside(layout);
      }
      StoreView view = new StoreView(layout, index, records, sealing);
      new Repair(layout, index, records).run(view);
      StoreView fresh = new StoreView(layout, index, records, sealing);
      return confirmed(() -> write.run(fresh));
    });
  }

  private StoreView view(boolean create) throws IOException {
    return new StoreView(layout, index, records, sealer(create));
  }

  private ConnectionSealer sealer(boolean create) throws IOException {
    ConnectionSealer known = sealer;
    if (known == null) {
      known = key.sealer(layout, create);
      Optional<byte[]> check = index.keyCheck();
      if (check.isPresent() && !known.fits(check.get())) {
        throw new ConnectionStoreException(keyName + " does not open the connection store " + layout.folder
            + ": the store was written with another key, or it was altered. Restore the key it was written with,"
            + " or move " + FOLDER_AND_MANIFEST + " away to start afresh; Plugboard leaves both as they are");
      }
      sealer = known;
    }
    return known;
  }

  private static <T> T confirmed(StoreLock.Action<T> action) throws IOException, GeneralSecurityException {
    try {
      return action.run();
    } catch (StoreView.Inconsistent e) {
      throw e.reported();
    }
  }

  private <T> T locked(StoreLock.Action<T> action) {
    try {
      checks.check();
      checks.checkWritable();
      OwnerOnly.createFolder(layout.home);
      return StoreLock.holding(layout.lock, action);
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot write the connection store " + layout.folder + " ("
          + FileProblems.describe(e, layout.folder) + "): check that " + layout.home + " is a folder you can write to,"
          + " or choose another with --home DIR", e);
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException("cannot seal a connection for " + layout.folder + " with " + keyName, e);
    }
  }
}
