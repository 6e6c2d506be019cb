package dev.plugboard.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Looks for canary secrets where they must never be: every byte of every file, and text. */
public final class Canaries {

  private Canaries() {}

  /** Asserts that no file under {@code folder}, nor any file's name, holds any of the canaries. */
  public static void assertNoneUnder(Path folder, Collection<String> canaries) {
    List<Path> files = files(folder);
    assertThat(files).as("files under " + folder).isNotEmpty();
    for (Path file : files) {
      String content = read(file);
      for (String canary : canaries) {
        assertThat(file.toString()).doesNotContain(canary);
        assertThat(content).as("bytes of " + file).doesNotContain(canary);
      }
    }
  }

  /** Asserts that {@code text} holds none of the canaries. */
  public static void assertNoneIn(String text, Collection<String> canaries) {
    for (String canary : canaries) {
      assertThat(text).doesNotContain(canary);
    }
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ISO-8859-1 maps each byte to one char, so a search in the string is a search in the bytes.
  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
