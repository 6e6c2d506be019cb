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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails or a writer that dies part-way leaves the store as it was before. */
final class InterruptedWriteTest {

  @TempDir Path temp;

  private final Connection kept = TestConnections.connection("shop/kept");

  private Path home() {
    return temp.resolve("home");
  }

  @ParameterizedTest
  @EnumSource(AtomicFile.Step.class)
  void aWriteThatFailsPartWayLeavesThePreviousStoreAsItWas(AtomicFile.Step step) throws IOException {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(kept);
    byte[] before = Files.readAllBytes(store.file());

    FileConnectionStore failing = failingAt(step);
    assertThatThrownBy(() -> failing.put(TestConnections.connection("shop/new")))
        .isInstanceOf(ConnectionStoreException.class)
        .hasMessage("cannot write the connection store " + store.file() + " (no space left on device, simulated at "
            + step + "): check that " + home().toAbsolutePath() + " is a folder you can write to, or choose another"
            + " with --home DIR");
    assertThatThrownBy(() -> failing.remove("shop/kept")).isInstanceOf(ConnectionStoreException.class);

    assertThat(store.file()).hasBinaryContent(before);
    assertThat(temporaries()).isEmpty();
    assertThat(store.list()).containsExactly(kept);
  }

  @ParameterizedTest
  @EnumSource(AtomicFile.Step.class)
  void aWriterKilledPartWayLeavesThePreviousStoreAndTheNextWriterTidiesUp(AtomicFile.Step step) throws Exception {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(kept);
    byte[] before = Files.readAllBytes(store.file());

    WriterProcess writer = WriterProcess.start(home(), temp, "shop/killed", "crash-at=" + step);
    writer.awaitReady();
    writer.go();
    assertThat(writer.exitCode()).as(writer.output()).isEqualTo(ConnectionWriter.CRASHED);

    assertThat(store.file()).hasBinaryContent(before);
    assertThat(temporaries()).as("what the killed writer left").hasSize(1);
    assertThat(store.list()).containsExactly(kept);
    Connection next = TestConnections.connection("shop/next");
    store.put(next);
    assertThat(store.list()).containsExactly(kept, next);
    assertThat(temporaries()).isEmpty();
  }

  @Test
  void theFirstWriteFailingLeavesNoStoreAndTheNextOneWorks() {
    assertThatThrownBy(() -> failingAt(AtomicFile.Step.TEMPORARY_SYNCED).put(kept)).isInstanceOf(ConnectionStoreException.class);
    assertThat(home().resolve(FileConnectionStore.STORE_FILE)).doesNotExist();

    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(kept);
    assertThat(store.list()).containsExactly(kept);
  }

  private FileConnectionStore failingAt(AtomicFile.Step failing) {
    return new FileConnectionStore(home(), new KeysetFile(home().resolve(FileConnectionStore.KEYSET_FILE)), "the key",
        step -> {
          if (step == failing) {
            throw new IOException("no space left on device, simulated at " + step);
          }
        });
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> files = Files.list(home())) {
      return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
