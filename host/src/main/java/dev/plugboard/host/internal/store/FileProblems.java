package dev.plugboard.host.internal.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Says in words why a file operation failed; the callers name the file and what to do. */
final class FileProblems {

  private FileProblems() {}

  /**
   * Why {@code e} happened, naming the file it happened to when that is not {@code subject}, the
   * file the caller's message is about (a lock or temporary file beside it, say).
   */
  static String describe(IOException e, Path subject) {
    String why = reason(e);
    if (e instanceof FileSystemException fileSystem && fileSystem.getFile() != null
        && !fileSystem.getFile().equals(subject.toString())) {
      return why + ": " + fileSystem.getFile();
    }
    return why;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
