package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's example of the database store and scheduled re-verification, run as written: the body
 * of {@link #keepAndReverify} is the snippet README shows.
 */
final class DatabaseStoreExampleTest {

  @TempDir Path folder;

  @Test
  void theReadmeExampleKeepsAConnectionInSqliteAndReverifiesItOnTheSchedule() throws Exception {
    Path pluginsDir = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    Path home = Files.createDirectories(folder.resolve("home"));

    String printed = printedBy(() -> keepAndReverify(pluginsDir, home, folder.resolve("connections.db")));

    assertThat(printed.lines()).containsExactly(
        "kept bigcommerce/acceptance-outfitters version 1",
        "verified again: VERIFIED",
        "due again in about a minute: true");
  }

  /** README's example. */
  static void keepAndReverify(Path pluginsDir, Path home, Path file) throws InterruptedException {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(pluginsDir).home(home)
            .store("jdbc:sqlite:" + file) // or jdbc:postgresql://HOST/DB?user=app, the password in PLUGBOARD_STORE_PASSWORD
            .build();
        SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
      Map<String, String> values = sandbox.values(); // what the store owner typed in
      Connection kept = plugboard.connect("bigcommerce", values).connection().orElseThrow();
      System.out.println("kept " + kept.name() + " version " + kept.version());
      // A new connection is due one period after it was verified; this one, as if that period were over:
      plugboard.connections().update(kept.name(), c -> c.map(now -> now.withNextCheckAt(Optional.of(Instant.now()))));

      CountDownLatch reverified = new CountDownLatch(1);
      try (Reverification reverification = Reverification.builder(plugboard)
          .every(Duration.ofMinutes(1))    // a day, say, in production
          .pollingInterval(Duration.ofMillis(200))
          .sweepInterval(Duration.ofMillis(200))
          .listener(new ReverificationListener() {
            @Override
            public void verified(String tenant, String name, VerificationReport report) {
              System.out.println("verified again: " + report.status());
              reverified.countDown();
            }

            @Override
            public void statusChanged(StatusChange change) {
              System.out.println("ALERT " + change.describe()); // which scope was lost, and what to change
            }
          })
          .start()) {
        reverified.await(60, TimeUnit.SECONDS); // the application goes on with its work meanwhile
      }
      Connection after = plugboard.connections().get(kept.name());
      System.out.println("due again in about a minute: "
          + after.nextCheckAt().orElseThrow().isAfter(Instant.now().plusSeconds(40)));
    }
  }

  private static String printedBy(Example example) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  interface Example {
    void run() throws Exception;
  }
}
