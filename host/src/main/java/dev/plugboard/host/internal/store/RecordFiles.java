package dev.plugboard.host.internal.store;

import dev.plugboard.host.Connection;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.spi.ConnectionSealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One connection's file: its tenant, name, connector and version in the clear (none is secret),
 * and the sealed record ({@link ConnectionSealer}), which binds the first three and holds the
 * version again, so that the clear ones cannot be altered unnoticed.
 */
final class RecordFiles {

  private static final long MAX_RECORD = 1 << 20;

  /** What a record file says in the clear, and its sealed record. */
  record Header(String connector, long version, byte[] sealed) {}

  private final StoreLayout layout;
  private final AtomicFile.Failpoint failpoint;

  RecordFiles(StoreLayout layout, AtomicFile.Failpoint failpoint) {
    this.layout = layout;
    this.failpoint = failpoint;
  }

  static String describe(Path file) {
    return "the connection record " + file;
  }

  /** The record of {@code name} in {@code tenant}, if its file exists; checked to be the file of that connection. */
  Optional<Header> read(String tenant, String name) {
    Path file = layout.record(tenant, name);
    String what = describe(file);
    StoreFiles.refuseLink(file.getParent());
    return StoreFiles.read(file, MAX_RECORD, what).map(bytes -> {
      JsonNode tree = IndexFiles.checkedFormat(bytes, what);
      if (!tenant.equals(tree.path("tenant").asString("")) || !name.equals(tree.path("name").asString(""))) {
        throw StoreFiles.damaged(what, "it names another connection");
      }
      JsonNode connector = tree.get("connector");
      JsonNode version = tree.get("version");
      if (connector == null || !connector.isString() || version == null || !version.canConvertToLong() || version.asLong() < 1) {
        throw StoreFiles.damaged(what, "it has no connector or version");
      }
      return new Header(connector.asString(), version.asLong(), IndexFiles.decode(tree, "sealed", what));
    });
  }

  Connection open(ConnectionSealer sealer, String tenant, String name, Header header) {
    return sealer.open(tenant, name, header.connector(), header.version(), header.sealed(),
        layout.record(tenant, name).toString());
  }

  /** Writes {@code connection}, at its version, atomically. */
  void write(ConnectionSealer sealer, Connection connection) throws IOException {
    Path file = layout.record(connection.tenant(), connection.name());
    StoreFiles.refuseLink(file.getParent());
    OwnerOnly.createFolder(file.getParent());
    StoreFiles.refuseLink(file);
    ObjectNode tree = Mappers.output().createObjectNode();
    tree.put("format", IndexFiles.FORMAT);
    tree.put("tenant", connection.tenant());
    tree.put("name", connection.name());
    tree.put("connector", connection.connector());
    tree.put("version", connection.version());
    tree.put("sealed", Base64.getEncoder().encodeToString(sealer.seal(connection)));
    AtomicFile.replace(file, Mappers.output().writeValueAsBytes(tree), failpoint);
  }

  /** Deletes the file of {@code name} in {@code tenant}, and what a killed writer left beside it. */
  void delete(String tenant, String name) throws IOException {
    Path file = layout.record(tenant, name);
    StoreFiles.refuseLink(file);
    Files.deleteIfExists(file);
    if (Files.isDirectory(file.getParent())) {
      AtomicFile.removeLeftovers(file);
    }
  }
}
