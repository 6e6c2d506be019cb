package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.testing.TestConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.IntStream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails or a writer that dies part-way leaves the store as it was before. */
final class InterruptedWriteTest {

  @TempDir Path temp;

  private final Connection kept = TestConnections.connection("shop/kept");

  private Path home() {
    return temp.resolve("home");
  }

  /** Each step of each of the four files a write replaces: the write in flight, the record, its bucket, the manifest. */
  static Stream<Arguments> everyStepOfEveryFile() {
    return Stream.of(AtomicFile.Step.values()).flatMap(step -> IntStream.rangeClosed(1, 4).mapToObj(file -> Arguments.of(step, file)));
  }

  @ParameterizedTest
  @MethodSource("everyStepOfEveryFile")
  void aWriteThatFailsPartWayIsEitherNotMadeOrFinishedWholeByTheNextOne(AtomicFile.Step step, int file) throws IOException {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(kept);
    Connection added = TestConnections.connection("shop/new");

    FileConnectionStore failing = failingAt(step, file);
    assertThatThrownBy(() -> failing.put(added))
        .isInstanceOf(ConnectionStoreException.class)
        .hasMessage("cannot write the connection store " + store.file() + " (no space left on device, simulated at "
            + step + "): check that " + home().toAbsolutePath() + " is a folder you can write to, or choose another"
            + " with --home DIR");

    // Until the record is in place, the write is not made; once it is, the next reader finishes it.
    List<Connection> expected = file <= 2 ? List.of(kept) : List.of(kept, added);
    assertThat(TestConnections.unversioned(store.list())).containsExactlyElementsOf(expected);
    assertThat(temporaries()).isEmpty();
    store.put(TestConnections.connection("shop/next"));
    assertThat(store.list()).extracting(Connection::name).containsAll(List.of("shop/kept", "shop/next"));
    assertThat(home().resolve(StoreLayout.FOLDER).resolve("pending")).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("everyStepOfEveryFile")
  void aWriterKilledPartWayLeavesThePreviousStoreOrItsWholeWriteAndTheNextWriterTidiesUp(AtomicFile.Step step, int file)
      throws Exception {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(kept);

    WriterProcess writer = WriterProcess.start(home(), temp, "shop/killed", "crash-at=" + step + "@" + file);
    writer.awaitReady();
    writer.go();
    assertThat(writer.exitCode()).as(writer.output()).isEqualTo(ConnectionWriter.CRASHED);

    assertThat(temporaries()).as("what the killed writer left").hasSize(1);
    List<String> names = file <= 2 ? List.of("shop/kept") : List.of("shop/kept", "shop/killed");
    assertThat(store.list()).extracting(Connection::name).containsExactlyElementsOf(names);
    Connection next = TestConnections.connection("shop/next");
    store.put(next);
    assertThat(store.list()).extracting(Connection::name).containsExactlyElementsOf(
        file <= 2 ? List.of("shop/kept", "shop/next") : List.of("shop/kept", "shop/killed", "shop/next"));
    assertThat(temporaries()).isEmpty();
  }

  @Test
  void theFirstWriteFailingLeavesNoStoreAndTheNextOneWorks() {
    assertThatThrownBy(() -> failingAt(AtomicFile.Step.TEMPORARY_SYNCED, 1).put(kept)).isInstanceOf(ConnectionStoreException.class);
    assertThat(home().resolve(StoreLayout.MANIFEST)).doesNotExist();

    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(kept);
    assertThat(TestConnections.unversioned(store.list())).containsExactly(kept);
  }

  private FileConnectionStore failingAt(AtomicFile.Step failing, int file) {
    return new FileConnectionStore(home(), new KeysetFile(home().resolve(FileConnectionStore.KEYSET_FILE)), "the key",
        ConnectionWriter.atFile(failing, file, () -> {
          throw new IOException("no space left on device, simulated at " + failing);
        }));
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> files = Files.walk(home())) {
      return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
