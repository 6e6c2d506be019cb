package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.Connection;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.TestConnections;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code update}: read, change and write one connection with no other writer in between. */
final class StoreUpdateTest {

  private static final String NAME = "bigcommerce/acceptance-outfitters";

  @TempDir Path home;

  @Test
  void anUpdateAddsChangesAndRemovesTheConnectionUnderItsName() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home);
    Connection connection = TestConnections.connection(NAME);

    assertThat(TestConnections.unversioned(store.update(NAME, kept -> Optional.of(connection)))).contains(connection);
    Connection failed = failedAt(connection, Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(TestConnections.unversioned(store.update(NAME, kept -> kept.map(current -> failedAt(current, failed.checkedAt()))))).contains(failed);
    assertThat(TestConnections.unversioned(store.find(NAME))).contains(failed);
    assertThat(store.update(NAME, kept -> Optional.empty())).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void anUpdateMayNotMoveAConnectionToAnotherName() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home);

    assertThatThrownBy(() -> store.update(NAME, kept -> Optional.of(TestConnections.connection("bigcommerce/other"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an update of " + NAME + " returned connection bigcommerce/other");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void updatesFromManyThreadsAtOnceEachSeeTheOneBeforeIt() throws InterruptedException {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home);
    Connection first = failedAt(TestConnections.connection(NAME), Instant.EPOCH);
    store.put(first);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread thread = new Thread(() -> {
        awaitQuietly(start);
        // Each update moves checkedAt one second on; a lost update would leave fewer seconds.
        FileConnectionStore.withKeysetFile(home).update(NAME,
            kept -> kept.map(current -> failedAt(current, current.checkedAt().plusSeconds(1))));
      });
      thread.start();
      running.add(thread);
    }
    start.countDown();
    for (Thread thread : running) {
      thread.join();
    }

    assertThat(store.get(NAME).checkedAt()).isEqualTo(Instant.EPOCH.plusSeconds(threads));
  }

  private static Connection failedAt(Connection connection, Instant checkedAt) {
    return new Connection(connection.name(), connection.connector(), connection.pluginVersion(), connection.values(),
        connection.secretFields(), connection.account(), connection.scopes(), VerificationReport.Status.FAILED,
        checkedAt);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
