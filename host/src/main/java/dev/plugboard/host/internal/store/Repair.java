package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finishes the write a killed writer left in flight, under the lock, before anything else is
 * written or a disagreement is reported. The write in flight names the connection and the
 * store version it was to make; it is finished only when it is the write right after the
 * manifest's (an old one put back is dropped), and only forward: a record at the version it was
 * to write goes into the index, one that never got there leaves the index as it was.
 */
final class Repair {

  private final StoreLayout layout;
  private final IndexFiles index;
  private final RecordFiles records;

  Repair(StoreLayout layout, IndexFiles index, RecordFiles records) {
    this.layout = layout;
    this.index = index;
    this.records = records;
  }

  void run(StoreView view) throws IOException {
    if (!Files.isDirectory(layout.folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    AtomicFile.removeLeftovers(layout.pending);
    AtomicFile.removeLeftovers(layout.manifest);
    ConnectionSealer sealer = view.sealer();
    Optional<IndexFiles.Pending> pending = index.pending(sealer);
    if (pending.isEmpty()) {
      return;
    }
    IndexFiles.Pending p = pending.get();
    IndexFiles.Manifest manifest = view.manifest();
    if (p.storeVersion() == manifest.storeVersion() + 1) {
      finish(sealer, manifest, p);
    }
    Files.deleteIfExists(layout.pending);
  }

  private void finish(ConnectionSealer sealer, IndexFiles.Manifest manifest, IndexFiles.Pending p) throws IOException {
    String id = StoreLayout.bucket(p.tenant(), p.name());
    if (Files.isDirectory(layout.index, LinkOption.NOFOLLOW_LINKS)) {
      AtomicFile.removeLeftovers(layout.bucketFile(id));
    }
    IndexFiles.Bucket bucket = index.bucket(sealer, id).orElse(IndexFiles.Bucket.empty(id));
    if (bucket.version() < manifest.bucketVersion(id)) {
      return; // an older bucket: not a write in flight, and reported as what it is
    }
    Path record = layout.record(p.tenant(), p.name());
    if (Files.isDirectory(record.getParent(), LinkOption.NOFOLLOW_LINKS)) {
      AtomicFile.removeLeftovers(record);
    }
    long target;
    if (p.version() == 0) {
      records.delete(p.tenant(), p.name());
      target = 0;
    } else {
      target = versionOf(p) == p.version() ? p.version() : bucket.versionOf(p.tenant(), p.name());
    }
    IndexFiles.Bucket next = bucket.versionOf(p.tenant(), p.name()) == target ? bucket
        : bucket.with(Math.max(bucket.version(), manifest.bucketVersion(id)) + 1, p.tenant(), p.name(), target);
    if (next != bucket) {
      index.write(sealer, next);
    }
    index.write(sealer, manifest.with(p.storeVersion(), id, next.version()));
  }

  // A record that cannot be read is not the one the write in flight made.
  private long versionOf(IndexFiles.Pending p) {
    try {
      return records.read(p.tenant(), p.name()).map(RecordFiles.Header::version).orElse(0L);
    } catch (ConnectionStoreException e) {
      return -1;
    }
  }
}
