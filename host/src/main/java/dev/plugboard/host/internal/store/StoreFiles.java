package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the store's files the way hostile files must be read: never through a symbolic link
 * (one could point a read at another file, or a write elsewhere), never more than a bound, and
 * never quoting what a file holds in a message (a file put in a store's place may be anyone's).
 */
final class StoreFiles {

  private StoreFiles() {}

  /**
   * {@code file}'s bytes, or empty when it does not exist.
   *
   * @param what the file, as messages name it: "the connection store's manifest /home/ana/.plugboard/connections.manifest"
   */
  static Optional<byte[]> read(Path file, long maxBytes, String what) {
    refuseLink(file);
    try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        InputStream in = Channels.newInputStream(channel)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ConnectionStoreException(what + " is larger than " + maxBytes + " bytes, which no file Plugboard writes"
            + " there is: it was replaced by another file. Restore it from a backup; Plugboard leaves it as it is");
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot read " + what + " (" + FileProblems.describe(e, file)
          + "): make it a file readable by the user running Plugboard (chmod 600 " + file + ")", e);
    }
  }

  /** {@code bytes} as a JSON object; a message about them says where they break, never what they hold. */
  static JsonNode object(byte[] bytes, String what) {
    try {
      JsonNode tree = Mappers.strictJson().readTree(bytes);
      if (tree == null || !tree.isObject()) {
        throw damaged(what, bytes.length == 0 ? "it is empty" : "it is not a JSON object");
      }
      return tree;
    } catch (JacksonException e) {
      boolean located = e.getLocation() != null && e.getLocation().getLineNr() >= 1;
      throw damaged(what, "it is not JSON" + (located
          ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""));
    }
  }

  static ConnectionStoreException damaged(String what, String why) {
    return new ConnectionStoreException(what + " is damaged (" + why + "): restore it from a backup, or move it away"
        + " to start afresh; Plugboard leaves it as it is");
  }

  /**
   * Refuses {@code path} when it is a symbolic link.
   *
   * @throws ConnectionStoreException saying so, and what to do
   */
  static void refuseLink(Path path) {
    if (Files.isSymbolicLink(path)) {
      throw new ConnectionStoreException(path + " is a symbolic link, and Plugboard follows none in its home folder"
          + " (a link could send its reads or writes elsewhere): put the file or folder itself there, or choose"
          + " another home with --home DIR");
    }
  }
}
