package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Connection;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.Canaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers racing each other on one home, in separate processes or in threads, lose nothing. */
final class ConcurrentWritesTest {

  private static final int PROCESSES = 8;
  private static final int THREADS = 8;
  private static final int PUTS_PER_THREAD = 5;

  @TempDir Path temp;

  private Path home() {
    return temp.resolve("home");
  }

  @Test
  void eightProcessesConnectingAtOnceToANewHomeLeaveEightConnections() throws Exception {
    List<String> names = IntStream.range(0, PROCESSES).mapToObj(i -> "shop/process-" + i).toList();
    List<WriterProcess> writers = new ArrayList<>();
    for (String name : names) {
      writers.add(WriterProcess.start(home(), temp, name));
    }
    for (WriterProcess writer : writers) {
      writer.awaitReady();
    }
    for (WriterProcess writer : writers) {
      writer.go();
    }
    List<String> outputs = new ArrayList<>();
    for (WriterProcess writer : writers) {
      int exitCode = writer.exitCode();
      outputs.add(writer.output());
      assertThat(exitCode).as(outputs.get(outputs.size() - 1)).isZero();
    }

    List<Connection> expected = names.stream().map(ConnectionWriter::connection).toList();
    assertThat(TestConnections.unversioned(FileConnectionStore.withKeysetFile(home()).list())).containsExactlyElementsOf(expected);
    List<String> canaries = secretsOf(expected);
    Canaries.assertNoneUnder(home(), canaries);
    outputs.forEach(output -> Canaries.assertNoneIn(output, canaries));
  }

  @Test
  void threadsWritingAtOnceThroughSeveralStoresLoseNothingAndReadersSeeWholeVersions() throws Exception {
    List<Connection> expected = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        writers.add(threads.submit(() -> {
          FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
          start.await();
          for (int i = 0; i < PUTS_PER_THREAD; i++) {
            Connection connection = ConnectionWriter.connection("thread-" + thread + "/put-" + i);
            store.put(connection);
            expected.add(connection);
          }
          return null;
        }));
      }
      Future<Integer> reader = threads.submit(() -> {
        FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
        start.await();
        int reads = 0;
        int seen = 0;
        while (writing.get()) {
          List<Connection> listed = store.list();
          assertThat(listed.size()).isGreaterThanOrEqualTo(seen);
          seen = listed.size();
          reads++;
        }
        return reads;
      });
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(3, TimeUnit.MINUTES);
      }
      writing.set(false);
      assertThat(reader.get(3, TimeUnit.MINUTES)).isPositive();
    } finally {
      threads.shutdownNow();
    }

    List<Connection> listed = FileConnectionStore.withKeysetFile(home()).list();
    assertThat(TestConnections.unversioned(listed)).hasSize(THREADS * PUTS_PER_THREAD).containsExactlyInAnyOrderElementsOf(expected);
    Canaries.assertNoneUnder(home(), secretsOf(expected));
  }

  private static List<String> secretsOf(List<Connection> connections) {
    return connections.stream().flatMap(c -> c.secretFields().stream().map(c.values()::get)).toList();
  }
}
