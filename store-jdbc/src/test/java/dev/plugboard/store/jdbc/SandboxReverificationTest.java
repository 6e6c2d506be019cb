package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection made against a sandbox, kept in the database store: marked there, and re-verified
 * on the schedule (and by {@code connections verify --due}) against its sandbox started afresh,
 * the one it was made against being long gone.
 */
final class SandboxReverificationTest {

  private static final String NAME = "bigcommerce/acceptance-outfitters";

  @TempDir Path folder;

  private Path plugins;
  private Path home;
  private String url;

  @BeforeEach
  void install() throws Exception {
    plugins = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    home = Files.createDirectories(folder.resolve("home"));
    url = "jdbc:sqlite:" + folder.resolve("connections.db");
  }

  @Test
  void theScheduleReverifiesASandboxConnectionAgainstItsSandboxStartedAfresh() throws Exception {
    BlockingQueue<VerificationReport> reports = new ArrayBlockingQueue<>(10);
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).store(url).build()) {
      Connection kept;
      try (SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
        kept = plugboard.connect("bigcommerce", sandbox.values()).connection().orElseThrow();
      }
      plugboard.connections().update(NAME, c -> c.map(now -> now.withNextCheckAt(Optional.of(Instant.now()))));

      try (Reverification reverification = Reverification.builder(plugboard)
          .every(Duration.ofMinutes(1))
          .pollingInterval(Duration.ofMillis(200))
          .sweepInterval(Duration.ofMillis(200))
          .listener(new ReverificationListener() {
            @Override
            public void verified(String tenant, String name, VerificationReport report) {
              reports.add(report);
            }
          })
          .start()) {
        VerificationReport report = reports.poll(60, TimeUnit.SECONDS);
        assertThat(report).as("re-verified on the schedule").isNotNull();
        assertThat(report.status()).as(report.problems().toString()).isEqualTo(VerificationReport.Status.VERIFIED);
      }
      Connection after = plugboard.connections().get(NAME);
      assertThat(after.sandbox()).contains(SandboxAccount.ALL_SCOPES);
      assertThat(after.account().display()).isEqualTo(kept.account().display());
      assertThat(after.values().get("api_path")).isNotEqualTo(kept.values().get("api_path"));
      assertThat(after.nextCheckAt().orElseThrow()).isAfter(Instant.now().plusSeconds(40));
    }
  }

  @Test
  void connectWithSandboxKeepsAMarkedConnectionThatVerifyDueVerifiesAgain() {
    CliRun.Result connected = plugboard("connect", "bigcommerce", "--sandbox");
    assertThat(connected.exitCode()).as(connected.all()).isZero();
    try (Plugboard host = Plugboard.builder().pluginsDir(plugins).home(home).store(url).build()) {
      assertThat(host.connections().get(NAME).sandbox()).contains(SandboxAccount.ALL_SCOPES);
      host.connections().update(NAME, kept -> kept.map(c -> c.withNextCheckAt(Optional.of(Instant.now().minusSeconds(60)))));
    }

    CliRun.Result due = plugboard("connections", "verify", "--due");
    CliRun.Result listed = plugboard("connections");

    assertThat(due.exitCode()).as(due.all()).isZero();
    assertThat(due.out()).contains(NAME + ": verified");
    assertThat(listed.out()).containsPattern(NAME + " +bigcommerce \\(sandbox\\) +Acceptance Outfitters");
  }

  private CliRun.Result plugboard(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(new String[] {"--plugins-dir", plugins.toString(), "--home", home.toString()}, 0, all, 0, 4);
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.args(all).env("PLUGBOARD_STORE", url).run();
  }
}
