package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Plugboard;
import dev.plugboard.web.ConnectPages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line and the connect page use the host through its public API alone, as an
 * application does: no class of theirs links to {@code dev.plugboard.host.internal}, and no CLI
 * source names it.
 */
final class PublicApiOnlyTest {

  private static final String INTERNAL = "dev/plugboard/host/internal/";

  @Test
  void noClassOfTheCommandLineRefersToTheHostsInternals() {
    assertThat(classesReferringToInternals(Cli.class)).isEmpty();
  }

  @Test
  void noClassOfTheConnectPageRefersToTheHostsInternals() {
    assertThat(classesReferringToInternals(ConnectPages.class)).isEmpty();
  }

  @Test
  void noSourceOfTheCommandLineNamesTheHostsInternals() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<Path> naming = sources.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> read(path).contains("host.internal")).toList();
      assertThat(naming).isEmpty();
    }
  }

  @Test
  void theScanFindsTheReferencesWhereThereAreSome() {
    assertThat(classesReferringToInternals(Plugboard.class)).contains("dev/plugboard/host/Plugboard.class");
  }

  /** The classes of the module (folder or jar) {@code member} was loaded from whose constant pool names an internal class. */
  private static List<String> classesReferringToInternals(Class<?> member) {
    Map<String, byte[]> classes = classFiles(member);
    assertThat(classes).as("the classes beside " + member.getName()).isNotEmpty();
    // Class names sit in the constant pool in internal form, as (modified) UTF-8: ASCII for these.
    return classes.entrySet().stream()
        .filter(entry -> new String(entry.getValue(), StandardCharsets.ISO_8859_1).contains(INTERNAL))
        .map(Map.Entry::getKey).sorted().toList();
  }

  private static Map<String, byte[]> classFiles(Class<?> member) {
    Map<String, byte[]> classes = new TreeMap<>();
    try {
      Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            classes.put(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
            classes.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return classes;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
