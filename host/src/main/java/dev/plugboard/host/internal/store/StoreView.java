package dev.plugboard.host.internal.store;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.spi.ConnectionSealer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store as one operation reads it: the manifest once, each index bucket once, and each record
 * checked against them. A record, bucket or manifest that disagrees with the one above it is
 * {@link Inconsistent}: a write in flight (a reader takes the lock and looks again) or, under the
 * lock, a store that was altered or partly rolled back.
 */
final class StoreView {

  /** What disagrees, and the message to give if it still does under the lock. */
  static final class Inconsistent extends RuntimeException {
    Inconsistent(String message) {
      super(message, null, false, false);
    }

    ConnectionStoreException reported() {
      return new ConnectionStoreException(getMessage());
    }
  }

  private static final String WHOLE_HOME = "Restore the whole home folder from one backup, or move "
      + FileConnectionStore.FOLDER_AND_MANIFEST + " away to start afresh; Plugboard leaves them as they are";

  private final StoreLayout layout;
  private final IndexFiles index;
  private final RecordFiles records;
  private final ConnectionSealer sealer;
  private IndexFiles.Manifest manifest;
  private final Map<String, IndexFiles.Bucket> buckets = new HashMap<>();

  /**
   * @param sealer the store's key; {@code null} for a home that held no store when the operation
   *     began: the view is then of that empty store, whatever a writer creates meanwhile
   */
  StoreView(StoreLayout layout, IndexFiles index, RecordFiles records, ConnectionSealer sealer) {
    this.layout = layout;
    this.index = index;
    this.records = records;
    this.sealer = sealer;
  }

  ConnectionSealer sealer() {
    return sealer;
  }

  IndexFiles.Manifest manifest() {
    if (manifest == null && sealer == null) {
      manifest = IndexFiles.Manifest.empty();
    }
    if (manifest == null) {
      manifest = index.manifest(sealer).orElse(IndexFiles.Manifest.empty());
    }
    return manifest;
  }

  /** Index bucket {@code id}, checked to be the version the manifest keeps. */
  IndexFiles.Bucket bucket(String id) {
    IndexFiles.Bucket bucket = buckets.get(id);
    if (bucket == null && sealer == null) {
      return IndexFiles.Bucket.empty(id);
    }
    if (bucket == null) {
      bucket = index.bucket(sealer, id).orElse(IndexFiles.Bucket.empty(id));
      long kept = manifest().bucketVersion(id);
      if (bucket.version() != kept) {
        Path file = layout.bucketFile(id);
        throw new Inconsistent(kept == 0 && manifest().storeVersion() == 0
            ? "the connection store's manifest " + layout.manifest + " is missing although its index " + file + " exists:"
                + " it was deleted, or the folder was copied here without it. " + WHOLE_HOME
            : "the connection store's index " + file + " is " + version(bucket.version()) + " where the manifest "
                + layout.manifest + " keeps " + version(kept) + ": the store was partly restored from an older copy,"
                + " or its files were altered. " + WHOLE_HOME);
      }
      buckets.put(id, bucket);
    }
    return bucket;
  }

  /** The version kept of {@code name} in {@code tenant}: 0 when none is. */
  long keptVersion(String tenant, String name) {
    return bucket(StoreLayout.bucket(tenant, name)).versionOf(tenant, name);
  }

  /** The connection kept under {@code name} in {@code tenant}, checked against the index. */
  Optional<Connection> connection(String tenant, String name) {
    if (sealer == null) {
      return Optional.empty();
    }
    long kept = keptVersion(tenant, name);
    Optional<RecordFiles.Header> header = records.read(tenant, name);
    long found = header.map(RecordFiles.Header::version).orElse(0L);
    if (found != kept) {
      throw new Inconsistent(disagreement(tenant, name, kept, found));
    }
    return header.map(h -> records.open(sealer, tenant, name, h));
  }

  private String disagreement(String tenant, String name, long kept, long found) {
    Path file = layout.record(tenant, name);
    String connection = "connection " + name + (ConnectionNames.DEFAULT_TENANT.equals(tenant) ? "" : " of tenant " + tenant);
    String remove = "plugboard connections remove " + name;
    if (found == 0) {
      return connection + " is kept at version " + kept + " but its record " + file + " is missing: it was deleted"
          + " outside Plugboard, or the store was partly restored from an older copy. Restore " + file
          + " from a backup, or remove the connection (" + remove + ") and connect again";
    }
    if (kept == 0) {
      return "the connection record " + file + " holds " + connection + ", which the store does not keep: it was"
          + " removed, and a copy of its record put back. Remove it again (" + remove + ")";
    }
    if (found < kept) {
      return "the connection record " + file + " is version " + found + " where version " + kept + " is kept: an"
          + " older copy of it was put back. Remove it (" + remove + ") and connect again, or restore " + file
          + " from a backup";
    }
    return "the connection record " + file + " is version " + found + ", newer than the version " + kept
        + " its index keeps: the index was restored from an older copy, or altered. " + WHOLE_HOME;
  }

  private static String version(long version) {
    return version == 0 ? "missing" : "version " + version;
  }
}
