package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.testing.TestConnections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one machine can know of a store put back to an older state: an older record, a record
 * deleted by hand, a removed one copied back, an older store folder. Each is reported naming the
 * file and what to do, and no write launders it.
 */
final class StoreRollbackTest {

  private static final String OLD_TOKEN = "oldtokenaaaaaaaaaaaaaaaaaaaaaa1";

  @TempDir Path temp;

  private Path home() {
    return temp.resolve("home");
  }

  private FileConnectionStore store() {
    return FileConnectionStore.withKeysetFile(home());
  }

  @Test
  void anOlderRecordPutBackInPlaceOfARotatedTokenIsReportedAndCanBeRemoved() throws IOException {
    store().put(TestConnections.connection("shop/a", OLD_TOKEN, "oldsecret1"));
    Path record = store().recordFile("default", "shop/a");
    byte[] old = Files.readAllBytes(record);
    store().put(TestConnections.connection("shop/a"));

    Files.write(record, old);

    assertRefused(() -> store().find("shop/a"), "the connection record " + record + " is version 1 where version 2 is"
        + " kept: an older copy of it was put back. Remove it (plugboard connections remove shop/a) and connect again");
    assertRefused(() -> store().list(), "is version 1 where version 2 is kept");
    assertThat(store().remove("shop/a")).isTrue();
    assertThat(store().find("shop/a")).isEmpty();
  }

  @Test
  void aRecordDeletedByHandIsReportedByFindAndByTheFullListing() throws IOException {
    store().put(TestConnections.connection("shop/a"));
    store().put(TestConnections.connection("shop/b"));
    Path record = store().recordFile("default", "shop/a");

    Files.delete(record);

    String missing = "connection shop/a is kept at version 1 but its record " + record + " is missing: it was deleted"
        + " outside Plugboard";
    assertRefused(() -> store().find("shop/a"), missing);
    assertRefused(() -> store().list(), missing);
    assertThat(store().remove("shop/a")).isTrue();
    assertThat(store().list()).extracting(c -> c.name()).containsExactly("shop/b");
  }

  @Test
  void aRemovedConnectionCopiedBackDoesNotReturn() throws IOException {
    store().put(TestConnections.connection("shop/a"));
    Path record = store().recordFile("default", "shop/a");
    byte[] copy = Files.readAllBytes(record);
    store().remove("shop/a");

    Files.write(record, copy);

    assertRefused(() -> store().find("shop/a"), "the connection record " + record + " holds connection shop/a, which the"
        + " store does not keep: it was removed, and a copy of its record put back");
    assertRefused(() -> store().list(), "which the store does not keep");
    assertThat(store().remove("shop/a")).isTrue();
    assertThat(record).doesNotExist();
  }

  @Test
  void anOlderCopyOfTheStoreFolderIsReportedAndNeverWrittenOver() throws IOException {
    store().put(TestConnections.connection("shop/a", OLD_TOKEN, "oldsecret1"));
    Path folder = store().file();
    Path copy = temp.resolve("copy");
    copyTree(folder, copy);
    store().put(TestConnections.connection("shop/a"));

    deleteTree(folder);
    copyTree(copy, folder);
    Map<Path, String> before = snapshot();

    assertRefused(() -> store().find("shop/a"), "the store was partly restored from an older copy",
        "Restore the whole home folder from one backup");
    assertRefused(() -> store().put(TestConnections.connection("shop/a")), "the store was partly restored from an older copy");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aDeletedManifestIsReported() throws IOException {
    store().put(TestConnections.connection("shop/a"));

    Files.delete(home().resolve(StoreLayout.MANIFEST));

    assertRefused(() -> store().find("shop/a"), "the connection store's manifest " + home().toAbsolutePath()
        .resolve(StoreLayout.MANIFEST) + " is missing although its index");
  }

  @Test
  void aRecordSwappedWithAnotherConnectionsIsReported() throws IOException {
    store().put(TestConnections.connection("shop/a"));
    store().put(TestConnections.connection("shop/b"));
    Path a = store().recordFile("default", "shop/a");
    Path b = store().recordFile("default", "shop/b");

    Files.move(b, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertRefused(() -> store().find("shop/a"), "the connection record " + a + " is damaged (it names another connection)");
  }

  private static void assertRefused(ThrowingCallable call, String... expected) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ConnectionStoreException.class);
    assertThat(thrown.getMessage()).contains(expected).doesNotContain(TestConnections.CANARY_TOKEN, OLD_TOKEN);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Files.copy(path, to.resolve(from.relativize(path).toString()));
      }
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(home())) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
