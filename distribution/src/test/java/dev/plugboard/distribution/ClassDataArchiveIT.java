package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of an installation unpacked from the tarball: its fixed class path, the class data
 * archive it makes per user and Java on first run, and its JVM limits.
 */
final class ClassDataArchiveIT {

  private static final String DESCRIBED = "BigCommerce (connector bigcommerce, plugin bigcommerce@0.1.0)";

  @TempDir Path folder;
  private Path installation;
  private Path cache;

  @BeforeEach
  void unpack() throws Exception {
    Process tar = new ProcessBuilder("tar", "-xzf", Launcher.tarball().toString(), "-C", folder.toString())
        .inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    installation = folder.resolve("plugboard-0.1.0");
    cache = folder.resolve("cache");
  }

  @Test
  void theTarballShipsAFixedClassPathOfEveryJarInLibAndNoArchive() throws IOException {
    List<String> classPath = Arrays.asList(Files.readString(installation.resolve("lib/classpath")).trim().split(":"));
    try (Stream<Path> lib = Files.list(installation.resolve("lib"))) {
      List<String> files = lib.map(file -> "lib/" + file.getFileName()).toList();
      assertThat(classPath).containsExactlyInAnyOrderElementsOf(files.stream().filter(f -> f.endsWith(".jar")).toList());
      assertThat(files).contains("lib/plugboard.classlist").noneMatch(file -> file.endsWith(".jsa"));
    }
    assertThat(classPath.get(0)).isEqualTo("lib/plugboard-cli-0.1.0.jar");
  }

  // Making an archive takes seconds of CPU: each test below makes at most the ones it is about.

  @Test
  void theFirstRunStartsTheArchiveLaterRunsMapPicocliAndTheHostFromItAndADamagedOneIsPassedOverSilently()
      throws Exception {
    Launcher.Result first = describe().go();
    assertThat(first.exitCode()).as(first.transcript()).isZero();
    assertThat(first.out()).contains(DESCRIBED);
    assertThat(first.err()).isEmpty();

    Path archive = awaitArchive();
    Path classes = folder.resolve("classes.log");
    Launcher.Result later = describe().env("PLUGBOARD_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes).go();

    assertThat(later.exitCode()).as(later.transcript()).isZero();
    assertThat(later.out()).contains(DESCRIBED);
    assertThat(later.err()).isEmpty();
    assertThat(Files.readString(classes)).contains(
        "picocli.CommandLine source: shared objects file",
        "dev.plugboard.cli.DescriptorPrinter source: shared objects file",
        "com.google.inject.internal.InjectorImpl source: shared objects file");

    Files.delete(archive); // made read-only
    Files.writeString(archive, "not an archive");
    Launcher.Result damaged = describe().go();

    assertThat(damaged.exitCode()).as(damaged.transcript()).isZero();
    assertThat(damaged.out()).contains(DESCRIBED);
    assertThat(damaged.err()).isEmpty();
  }

  @Test
  void offNeitherMakesNorUsesAnArchive() {
    Launcher.Result off = describe().env("PLUGBOARD_CDS", "off").go();

    assertThat(off.exitCode()).as(off.transcript()).isZero();
    assertThat(off.out()).contains(DESCRIBED);
    assertThat(cache).doesNotExist();
  }

  @Test
  void waitMakesTheArchiveBeforeTheCommandAndAReinstalledTreeReplacesIt() throws Exception {
    Launcher.Result waited = describe().env("PLUGBOARD_CDS", "wait").go();

    assertThat(waited.exitCode()).as(waited.transcript()).isZero();
    assertThat(waited.out()).contains(DESCRIBED);
    assertThat(waited.err()).isEmpty();
    List<Path> made = archives();
    assertThat(made).hasSize(1);

    // What reinstalling in place does: the files of lib/ are new.
    Files.setLastModifiedTime(installation.resolve("lib/classpath"), FileTime.from(Instant.now().plusSeconds(60)));
    describe().env("PLUGBOARD_CDS", "wait").go();

    assertThat(archives()).hasSize(1).doesNotContainAnyElementsOf(made);
  }

  @Test
  void aCacheThatCannotBeWrittenCostsOnlyTheArchive() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("file"), "a file where the cache would be");

    Launcher.Result result = describe().env("XDG_CACHE_HOME", notAFolder.toString()).env("PLUGBOARD_CDS", "wait").go();

    assertThat(result.exitCode()).as(result.transcript()).isZero();
    assertThat(result.out()).contains(DESCRIBED);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void theHeapIsBoundedByDefaultAndPlugboardJavaOptsWins() {
    Launcher.Result bounded = describe().env("PLUGBOARD_CDS", "off").env("PLUGBOARD_JAVA_OPTS", "-XX:+PrintFlagsFinal").go();
    Launcher.Result raised = describe().env("PLUGBOARD_CDS", "off")
        .env("PLUGBOARD_JAVA_OPTS", "-Xmx700m -XX:+PrintFlagsFinal").go();

    assertThat(bounded.out()).containsPattern("MaxHeapSize\\s+= 536870912\\b").contains(DESCRIBED);
    assertThat(raised.out()).containsPattern("MaxHeapSize\\s+= 734003200\\b").contains(DESCRIBED);
  }

  private Launcher describe() {
    return Launcher.run(installation.resolve("bin/plugboard"), "describe", "bigcommerce").in(folder)
        .env("XDG_CACHE_HOME", cache.toString());
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("plugboard"))) {
      return files.filter(file -> file.toString().endsWith(".jsa")).toList();
    }
  }

  /** The archive the first run started making, once it is in place (and its lock released). */
  private Path awaitArchive() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (Files.isDirectory(cache.resolve("plugboard"))) {
        try (Stream<Path> files = Files.list(cache.resolve("plugboard"))) {
          List<Path> all = files.toList();
          if (all.stream().noneMatch(file -> file.toString().endsWith(".lock")) && !archives().isEmpty()) {
            return archives().get(0);
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive in " + cache + " three minutes after the first run");
  }
}
