package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where each part of a file store lives under the home folder:
 *
 * <pre>
 * keyset.json              the key (unless the application supplies one)
 * datakey.json             the data key wrapped by the application's key (when it supplies one)
 * connections.manifest     the store's version and each index bucket's, sealed: beside the key, outside the folder below
 * connections.lock         the writers' lock
 * connections/pending      the write in flight, sealed, so that a writer killed part-way is finished by the next
 * connections/index/3f     index bucket 3f: the version of each connection whose key hashes there, sealed
 * connections/records/TENANT/NAME.conn    one sealed connection
 * </pre>
 *
 * File names come from tenants and names without an index: a name's {@code /} becomes {@code +}
 * and a tenant's capital letter {@code A} becomes {@code ^a}, so names stay apart on file
 * systems that ignore case. Neither holds anything else that a file system treats specially.
 */
final class StoreLayout {

  static final String MANIFEST = "connections.manifest";
  static final String FOLDER = "connections";
  static final String DATA_KEY = "datakey.json";
  static final String RECORD_SUFFIX = ".conn";
  static final int BUCKETS = 256;

  final Path home;
  final Path manifest;
  final Path folder;
  final Path pending;
  final Path index;
  final Path records;
  final Path lock;
  final Path keyset;
  final Path dataKey;
  final Path legacy;

  StoreLayout(Path home) {
    this.home = home.toAbsolutePath().normalize();
    this.manifest = this.home.resolve(MANIFEST);
    this.folder = this.home.resolve(FOLDER);
    this.pending = folder.resolve("pending");
    this.index = folder.resolve("index");
    this.records = folder.resolve("records");
    this.lock = this.home.resolve(FileConnectionStore.LOCK_FILE);
    this.keyset = this.home.resolve(FileConnectionStore.KEYSET_FILE);
    this.dataKey = this.home.resolve(DATA_KEY);
    this.legacy = this.home.resolve(FileConnectionStore.STORE_FILE);
  }

  Path tenantFolder(String tenant) {
    return records.resolve(tenantFileName(tenant));
  }

  Path record(String tenant, String name) {
    return tenantFolder(tenant).resolve(name.replace('/', '+') + RECORD_SUFFIX);
  }

  Path bucketFile(String bucket) {
    return index.resolve(bucket);
  }

  /** The index bucket of a connection: two hex digits of a hash of its tenant and name. */
  static String bucket(String tenant, String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((tenant + "\n" + name).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().toHexDigits(digest[0]);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String tenantFileName(String tenant) {
    StringBuilder file = new StringBuilder();
    tenant.chars().forEach(c -> {
      if (c >= 'A' && c <= 'Z') {
        file.append('^').append((char) (c - 'A' + 'a'));
      } else {
        file.append((char) c);
      }
    });
    return file.toString();
  }

  /** The tenant a folder of records is for, if it is one. */
  static Optional<String> tenantOf(String fileName) {
    StringBuilder tenant = new StringBuilder();
    for (int i = 0; i < fileName.length(); i++) {
      char c = fileName.charAt(i);
      if (c == '^' && i + 1 < fileName.length() && fileName.charAt(i + 1) >= 'a' && fileName.charAt(i + 1) <= 'z') {
        tenant.append((char) (fileName.charAt(++i) - 'a' + 'A'));
      } else {
        tenant.append(c);
      }
    }
    String decoded = tenant.toString();
    return ConnectionNames.isValidTenant(decoded) && tenantFileName(decoded).equals(fileName)
        ? Optional.of(decoded) : Optional.empty();
  }

  /** The connection name a record file is for, if it is one (temporary files and strays are not). */
  static Optional<String> nameOf(String fileName) {
    return candidateName(fileName).filter(ConnectionNames::isValid);
  }

  /** The name a record file would be for, not yet checked against the naming rules (which costs more than this). */
  static Optional<String> candidateName(String fileName) {
    if (!fileName.endsWith(RECORD_SUFFIX)) {
      return Optional.empty();
    }
    return Optional.of(fileName.substring(0, fileName.length() - RECORD_SUFFIX.length()).replace('+', '/'));
  }
}
