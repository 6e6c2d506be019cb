package dev.plugboard.host.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates folders (0700) and files (0600) that only their owner can use. The permissions are given
 * at creation, so there is no moment when a key or a store is readable by others. File systems
 * without POSIX permissions (Windows) get the defaults of the folder they are in.
 */
final class OwnerOnly {

  private static final FileAttribute<?>[] FOLDER = {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
  private static final FileAttribute<?>[] FILE = {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  private static final FileAttribute<?>[] NONE = {};

  private OwnerOnly() {}

  static void createFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, posix(folder) ? FOLDER : NONE);
    }
  }

  /** A new, empty temporary file beside {@code target}, with a unique name. */
  static Path createTemporary(Path target) throws IOException {
    return Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp", attributes(target));
  }

  /** The file, created if absent, open for writing (for locking). */
  static FileChannel openOrCreate(Path file) throws IOException {
    // Never through a link: a dangling one would have its target created.
    return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
        attributes(file));
  }

  static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] attributes(Path file) {
    return posix(file) ? FILE : NONE;
  }
}
