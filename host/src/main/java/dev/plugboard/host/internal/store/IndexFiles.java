package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's own sealed files: the manifest (the store's version and each index bucket's), the
 * index buckets (each connection's version), and the write in flight. Each is sealed with the data
 * key under its own context, so none can stand in for another.
 */
final class IndexFiles {

  static final int FORMAT = 2;
  private static final long MAX_MANIFEST = 1 << 20;
  private static final long MAX_BUCKET = 64L << 20;
  private static final long MAX_PENDING = 1 << 16;

  /** The store's version (one more with each write) and each index bucket's version. */
  record Manifest(long storeVersion, Map<String, Long> buckets) {
    Manifest {
      buckets = new TreeMap<>(buckets);
    }

    static Manifest empty() {
      return new Manifest(0, Map.of());
    }

    long bucketVersion(String bucket) {
      return buckets.getOrDefault(bucket, 0L);
    }

    Manifest with(long storeVersion, String bucket, long bucketVersion) {
      Map<String, Long> next = new TreeMap<>(buckets);
      next.put(bucket, bucketVersion);
      return new Manifest(storeVersion, next);
    }
  }

  /** One index bucket: its version, and the version of each connection hashed there, by tenant and name. */
  record Bucket(String id, long version, Map<String, Map<String, Long>> tenants) {
    Bucket {
      Map<String, Map<String, Long>> copy = new TreeMap<>();
      tenants.forEach((tenant, names) -> copy.put(tenant, new TreeMap<>(names)));
      tenants = copy;
    }

    static Bucket empty(String id) {
      return new Bucket(id, 0, Map.of());
    }

    long versionOf(String tenant, String name) {
      return tenants.getOrDefault(tenant, Map.of()).getOrDefault(name, 0L);
    }

    /** This bucket at {@code version}, with the connection at {@code connectionVersion}, or without it when that is 0. */
    Bucket with(long version, String tenant, String name, long connectionVersion) {
      Map<String, Map<String, Long>> next = new TreeMap<>();
      this.tenants.forEach((t, names) -> next.put(t, new TreeMap<>(names)));
      Map<String, Long> names = next.computeIfAbsent(tenant, t -> new TreeMap<>());
      if (connectionVersion == 0) {
        names.remove(name);
        if (names.isEmpty()) {
          next.remove(tenant);
        }
      } else {
        names.put(name, connectionVersion);
      }
      return new Bucket(id, version, next);
    }
  }

  /** A write in flight: the connection's next version (0 when it is being removed), at the store's next version. */
  record Pending(long storeVersion, String tenant, String name, long version) {}

  private final StoreLayout layout;
  private final AtomicFile.Failpoint failpoint;

  IndexFiles(StoreLayout layout, AtomicFile.Failpoint failpoint) {
    this.layout = layout;
    this.failpoint = failpoint;
  }

  /** The key check the manifest holds, if there is a manifest: read before the sealer, to tell a wrong key. */
  Optional<byte[]> keyCheck() {
    return StoreFiles.read(layout.manifest, MAX_MANIFEST, manifestName()).map(bytes -> {
      JsonNode tree = checkedFormat(bytes, manifestName());
      return decode(tree, "keyCheck", manifestName());
    });
  }

  Optional<Manifest> manifest(ConnectionSealer sealer) {
    return StoreFiles.read(layout.manifest, MAX_MANIFEST, manifestName())
        .map(bytes -> open(sealer, "manifest", bytes, manifestName(), Manifest.class));
  }

  Optional<Bucket> bucket(ConnectionSealer sealer, String id) {
    Path file = layout.bucketFile(id);
    String what = "the connection store's index " + file;
    return StoreFiles.read(file, MAX_BUCKET, what).map(bytes -> {
      Bucket bucket = open(sealer, "bucket:" + id, bytes, what, Bucket.class);
      if (!bucket.id().equals(id)) {
        throw StoreFiles.damaged(what, "it is another bucket's");
      }
      return bucket;
    });
  }

  Optional<Pending> pending(ConnectionSealer sealer) {
    String what = "the connection store's unfinished write " + layout.pending;
    return StoreFiles.read(layout.pending, MAX_PENDING, what).map(bytes -> open(sealer, "pending", bytes, what, Pending.class));
  }

  void write(ConnectionSealer sealer, Manifest manifest) throws IOException {
    ObjectNode tree = sealed(sealer, "manifest", manifest);
    tree.put("keyCheck", Base64.getEncoder().encodeToString(sealer.keyCheck()));
    AtomicFile.replace(layout.manifest, Mappers.output().writeValueAsBytes(tree), failpoint);
  }

  void write(ConnectionSealer sealer, Bucket bucket) throws IOException {
    OwnerOnly.createFolder(layout.index);
    AtomicFile.replace(layout.bucketFile(bucket.id()), Mappers.output().writeValueAsBytes(sealed(sealer, "bucket:" + bucket.id(), bucket)), failpoint);
  }

  void write(ConnectionSealer sealer, Pending pending) throws IOException {
    OwnerOnly.createFolder(layout.folder);
    AtomicFile.replace(layout.pending, Mappers.output().writeValueAsBytes(sealed(sealer, "pending", pending)), failpoint);
  }

  private String manifestName() {
    return "the connection store's manifest " + layout.manifest;
  }

  private static ObjectNode sealed(ConnectionSealer sealer, String context, Object content) {
    ObjectNode tree = Mappers.output().createObjectNode();
    tree.put("format", FORMAT);
    tree.put("sealed", Base64.getEncoder().encodeToString(sealer.sealOther(context, Mappers.strictJson().writeValueAsBytes(content))));
    return tree;
  }

  private static <T> T open(ConnectionSealer sealer, String context, byte[] bytes, String what, Class<T> type) {
    JsonNode tree = checkedFormat(bytes, what);
    byte[] plaintext;
    try {
      plaintext = sealer.openOther(context, decode(tree, "sealed", what));
    } catch (GeneralSecurityException e) {
      throw new ConnectionStoreException(what + " does not open although the key fits the store: it was altered, or"
          + " another of the store's files was put in its place. Restore the whole home folder from one backup, or"
          + " move " + FileConnectionStore.FOLDER_AND_MANIFEST + " away to start afresh; Plugboard leaves it as it is");
    }
    try {
      return Mappers.strictJson().readValue(plaintext, type);
    } catch (RuntimeException e) {
      throw StoreFiles.damaged(what, "it opens but is not what this Plugboard writes there");
    }
  }

  static JsonNode checkedFormat(byte[] bytes, String what) {
    JsonNode tree = StoreFiles.object(bytes, what);
    int format = tree.path("format").asInt(0);
    if (format > FORMAT) {
      throw new ConnectionStoreException(what + " has format " + format + ", written by a newer Plugboard; this one"
          + " reads format " + FORMAT + ": use the newer Plugboard");
    }
    if (format != FORMAT) {
      throw StoreFiles.damaged(what, "it has no format " + FORMAT);
    }
    return tree;
  }

  static byte[] decode(JsonNode tree, String key, String what) {
    JsonNode value = tree.get(key);
    if (value == null || !value.isString()) {
      throw StoreFiles.damaged(what, "it has no " + key);
    }
    try {
      return Base64.getDecoder().decode(value.asString());
    } catch (IllegalArgumentException e) {
      throw StoreFiles.damaged(what, key + " is not base64");
    }
  }
}
