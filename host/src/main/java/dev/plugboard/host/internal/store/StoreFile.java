package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Plugboard 0.1.0's store file ({@code connections.json}), read to migrate it: a format number, the key check, and each connection's name beside
 * its sealed record, ordered by name. Names are in the clear so that one record can be found,
 * replaced or removed without opening the others; everything else is inside the records.
 *
 * @param format the layout's version
 * @param keyCheck a fixed text sealed with the store's key (see {@link Sealing})
 * @param connections each connection's name and sealed record, ordered by name
 */
record StoreFile(int format, String keyCheck, List<Entry> connections) {

  static final int FORMAT = 1;
  private static final long MAX_BYTES = 256L << 20;

  /** A connection's name and its sealed record (base64). */
  record Entry(String name, String sealed) {
    Entry {
      if (!ConnectionNames.isValid(name)) {
        throw new IllegalArgumentException("a connection name breaks the naming rules");
      }
      Objects.requireNonNull(sealed, () -> "connection " + name + " has no record");
    }
  }

  StoreFile {
    Objects.requireNonNull(keyCheck, "keyCheck is missing");
    connections = connections.stream().sorted(Comparator.comparing(Entry::name)).toList();
    Set<String> names = new HashSet<>();
    for (Entry entry : connections) {
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException("connection " + entry.name() + " is there twice");
      }
    }
  }

  static StoreFile empty(String keyCheck) {
    return new StoreFile(FORMAT, keyCheck, List.of());
  }

  /**
   * The store at {@code file}, or empty when there is none yet.
   *
   * @throws ConnectionStoreException when it cannot be read or is not a store this version reads
   */
  static Optional<StoreFile> read(Path file) {
    Optional<byte[]> read = StoreFiles.read(file, MAX_BYTES, "the connection store " + file);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = read.get();
    try {
      JsonNode tree = Mappers.strictJson().readTree(bytes);
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException(bytes.length == 0 ? "it is empty" : "it is not a JSON object");
      }
      int format = tree.path("format").asInt(0);
      if (format > FORMAT) {
        throw new ConnectionStoreException("the connection store " + file + " has format " + format
            + ", written by a newer Plugboard; this one reads format " + FORMAT + ": use the newer Plugboard");
      }
      StoreFile store = Mappers.strictJson().treeToValue(tree, StoreFile.class);
      if (store.format() != FORMAT) {
        throw new IllegalArgumentException("format is " + store.format() + ", not " + FORMAT);
      }
      return Optional.of(store);
    } catch (JacksonException e) {
      // Jackson's own message may quote the file, which may be anyone's (a link to /etc/passwd, say): only where.
      boolean located = e.getLocation() != null && e.getLocation().getLineNr() >= 1;
      throw damaged(file, "it is not a store of Plugboard 0.1.0" + (located
          ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""), null);
    } catch (IllegalArgumentException e) {
      throw damaged(file, e.getMessage(), e);
    }
  }

  private static ConnectionStoreException damaged(Path file, String why, Exception cause) {
    return new ConnectionStoreException("the connection store " + file + " is damaged (" + why + "): restore it from"
        + " a backup, or move it away to start afresh; Plugboard leaves it as it is", cause);
  }

  Optional<Entry> entry(String name) {
    return connections.stream().filter(entry -> entry.name().equals(name)).findFirst();
  }

  /** This store with {@code entry} added, or in place of the one of the same name. */
  StoreFile with(Entry entry) {
    List<Entry> next = new ArrayList<>(without(entry.name()).connections());
    next.add(entry);
    return new StoreFile(format, keyCheck, next);
  }

  StoreFile without(String name) {
    return new StoreFile(format, keyCheck, connections.stream().filter(entry -> !entry.name().equals(name)).toList());
  }

  byte[] bytes() {
    return Mappers.output().writeValueAsBytes(this);
  }
}
