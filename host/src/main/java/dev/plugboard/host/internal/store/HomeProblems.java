package dev.plugboard.host.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What is wrong with a home folder, in words about what it is: a file, under a file, on a
 * read-only disk, or in a folder this user may not write to. Never advice about files inside a
 * file.
 */
final class HomeProblems {

  private HomeProblems() {}

  /** Why the store cannot even be read from {@code home}, if it cannot. */
  static Optional<String> unreadable(Path home) {
    if (Files.isRegularFile(home)) {
      return Optional.of(home + " is a file, not a folder");
    }
    if (Files.exists(home) && !Files.isDirectory(home)) {
      return Optional.of(home + " is not a folder");
    }
    Path existing = nearestExisting(home);
    if (existing != null && !existing.equals(home) && !Files.isDirectory(existing)) {
      return Optional.of(home + " cannot be a folder: " + existing + " above it is a file");
    }
    return Optional.empty();
  }

  /** Why nothing can be written in {@code home}, if nothing can. */
  static Optional<String> unwritable(Path home) {
    Optional<String> unreadable = unreadable(home);
    if (unreadable.isPresent()) {
      return unreadable;
    }
    Path existing = nearestExisting(home);
    if (existing == null) {
      return Optional.empty();
    }
    try {
      if (Files.getFileStore(existing).isReadOnly()) {
        return Optional.of(existing + " is on a read-only disk (" + Files.getFileStore(existing) + ")");
      }
    } catch (IOException e) {
      return Optional.empty(); // not known; the write itself will say
    }
    if (!Files.isWritable(existing)) {
      return Optional.of(existing.equals(home) ? home + " is a folder you may not write to"
          : home + " cannot be made: you may not write to " + existing);
    }
    return Optional.empty();
  }

  private static Path nearestExisting(Path home) {
    Path path = home.toAbsolutePath().normalize();
    while (path != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      path = path.getParent();
    }
    return path;
  }
}
