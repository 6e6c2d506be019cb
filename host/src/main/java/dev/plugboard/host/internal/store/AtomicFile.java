package dev.plugboard.host.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file whole: a temporary file beside it is written and synced, then renamed over it,
 * then the folder is synced. Readers see the old content or the new, never a mix, and a crash or
 * a failure at any step leaves the old content in place.
 */
final class AtomicFile {

  /** Points inside a write, so tests can make it fail there and look at what is left. */
  enum Step {
    TEMPORARY_WRITTEN,
    TEMPORARY_SYNCED
  }

  /** Called at each {@link Step}; throwing there aborts the write. */
  @FunctionalInterface
  interface Failpoint {
    Failpoint NONE = step -> {};

    void reached(Step step) throws IOException;
  }

  private AtomicFile() {}

  static void replace(Path target, byte[] content, Failpoint failpoint) throws IOException {
    write(target, content, failpoint, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes {@code target}, which must not exist: used for the key, which is never replaced. The
   * caller holds the store's lock, so no other Plugboard creates it meanwhile.
   */
  static void create(Path target, byte[] content) throws IOException {
    write(target, content, Failpoint.NONE);
  }

  /**
   * Deletes temporary files a crashed writer left beside {@code target}. Only for a caller holding
   * the lock that every writer of {@code target} takes, so none of them is another's write in flight.
   */
  static void removeLeftovers(Path target) throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), target.getFileName() + ".*.tmp")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private static void write(Path target, byte[] content, Failpoint failpoint, CopyOption... move) throws IOException {
    Path temporary = OwnerOnly.createTemporary(target);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        failpoint.reached(Step.TEMPORARY_WRITTEN);
        channel.force(true);
        failpoint.reached(Step.TEMPORARY_SYNCED);
      }
      Files.move(temporary, target, move);
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncFolder(target.getParent());
  }

  // Makes the rename itself durable. Only POSIX systems can open a folder to sync it.
  private static void syncFolder(Path folder) throws IOException {
    if (OwnerOnly.posix(folder)) {
      try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
        channel.force(true);
      }
    }
  }
}
