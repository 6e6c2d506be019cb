package dev.plugboard.host.internal.store;

import dev.plugboard.host.Connection;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves Plugboard 0.1.0's {@code connections.json} into the one-file-per-connection layout, under
 * the lock, before the first write. Every record must open, so none that is damaged is carried
 * along (the message names it and says to remove it). The manifest is written last: until it is
 * there, {@code connections.json} is the store, so a migration that dies part-way is redone whole.
 * The old file is kept as {@code connections.json.migrated}.
 */
final class Migration {

  static final String MIGRATED_SUFFIX = ".migrated";

  private final StoreLayout layout;
  private final IndexFiles index;
  private final RecordFiles records;
  private final LegacyStore legacy;

  Migration(StoreLayout layout, IndexFiles index, RecordFiles records, LegacyStore legacy) {
    this.layout = layout;
    this.index = index;
    this.records = records;
    this.legacy = legacy;
  }

  void run(ConnectionSealer sealer) throws IOException {
    List<Connection> connections = legacy.list();
    Map<String, IndexFiles.Bucket> buckets = new TreeMap<>();
    for (Connection connection : connections) {
      Connection kept = connection.withVersion(1);
      records.write(sealer, kept);
      String id = StoreLayout.bucket(kept.tenant(), kept.name());
      buckets.put(id, buckets.getOrDefault(id, IndexFiles.Bucket.empty(id)).with(1, kept.tenant(), kept.name(), 1));
    }
    IndexFiles.Manifest manifest = IndexFiles.Manifest.empty();
    for (IndexFiles.Bucket bucket : buckets.values()) {
      index.write(sealer, bucket);
      manifest = manifest.with(1, bucket.id(), bucket.version());
    }
    index.write(sealer, new IndexFiles.Manifest(1, manifest.buckets()));
    putAside(layout);
  }

  /** Moves the migrated file aside, so that it is never read again. */
  static void putAside(StoreLayout layout) throws IOException {
    Path aside = layout.legacy.resolveSibling(layout.legacy.getFileName() + MIGRATED_SUFFIX);
    StoreFiles.refuseLink(aside);
    Files.move(layout.legacy, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
