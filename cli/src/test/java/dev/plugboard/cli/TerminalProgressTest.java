package dev.plugboard.cli;

import static dev.plugboard.cli.MinimalConnector.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationEvent;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify and connect on a terminal: each line as it is decided, what is awaited, then the report in their place. */
final class TerminalProgressTest {

  private static final String ESC = "\u001b";

  @TempDir Path plugins;
  @TempDir Path home;
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void eachDecisionIsALineUnderWhichTheAwaitedScopesAreCountedThenTheLinesAreErased() {
    StringWriter screen = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), 120);
    ScopeCheck awaited = new ScopeCheck("Orders", "Read", "orders_read", ScopeCheck.Status.SKIPPED, Optional.empty(), "");
    ScopeCheck other = new ScopeCheck("Customers", "Read", "customers_read", ScopeCheck.Status.SKIPPED, Optional.empty(), "");
    Evidence refused = new Evidence("GET", "api.minimal.example", "/accounts/acme/orders?limit=1", OptionalInt.of(403), 1, 3, "");
    PhaseCheck format = new PhaseCheck(Phase.FORMAT, Outcome.PASSED, "every value is present and well-formed");

    progress.on(new VerificationEvent.Started("minimal", List.of(awaited, other)));
    progress.on(new VerificationEvent.PhaseDecided(format));
    String afterFormat = screen.toString();
    progress.on(new VerificationEvent.ScopeDecided(new ScopeCheck("Orders", "Read", "orders_read",
        ScopeCheck.Status.MISSING, Optional.of(refused), "Give the token Orders: Read.")));
    String afterOrders = screen.toString();
    progress.on(new VerificationEvent.Finished(new VerificationReport("minimal", VerificationReport.Status.FAILED,
        Account.UNKNOWN, List.of(format), List.of(), List.of(), List.of(), Instant.EPOCH)));

    assertThat(afterFormat).isEqualTo("waiting for 2 of 2 scopes…\r" + ESC + "[K  ok           format        every value is present and well-formed\n"
        + "waiting for 2 of 2 scopes…");
    assertThat(afterOrders.substring(afterFormat.length())).isEqualTo("\r" + ESC + "[K  missing      Orders  Read"
        + " (GET api.minimal.example/accounts/acme/orders?limit=1 → 403)\nwaiting for 1 of 2 scopes…");
    assertThat(screen.toString().substring(afterOrders.length())).isEqualTo("\r" + ESC + "[K" + ESC + "[2A" + ESC + "[J");
  }

  @Test
  void aLineWiderThanTheTerminalIsCutSoThatItTakesOneRow() {
    StringWriter screen = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), 30);

    progress.on(new VerificationEvent.Started("minimal", List.of()));
    progress.on(new VerificationEvent.PhaseDecided(new PhaseCheck(Phase.IDENTITY, Outcome.PASSED,
        "connected to A Store With A Very Long Name Indeed")));

    String line = screen.toString().split("\r" + ESC + "\\[K")[1].split("\n")[0];
    assertThat(line).hasSize(29).endsWith("…");
  }

  @Test
  void onATerminalTheScreenEndsWithTheSameReportAsWithoutOne() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getTarget().endsWith("/account") ? "{\"name\":\"Acme\"}" : "{}";
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
      }
    });
    TestPluginJar.plugin("minimal").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("minimal")).writeTo(plugins);
    String[] args = {"--plugins-dir", plugins.toString(), "--home", home.toString(),
        "--allow-host", server.getHostName() + ":" + server.getPort(), "verify", "minimal"};

    CliRun.Result terminal = values(CliRun.args(args)).onTerminal().run();
    CliRun.Result piped = values(CliRun.args(args)).run();

    assertThat(piped.exitCode()).as(piped.all()).isZero();
    assertThat(terminal.exitCode()).isZero();
    assertThat(piped.out()).doesNotContain(ESC).doesNotContain("waiting for");
    assertThat(terminal.out()).contains("waiting for 2 of 2 scopes…", "  granted      Orders  Read\n");
    String erased = terminal.out().substring(terminal.out().lastIndexOf(ESC + "[J") + (ESC + "[J").length());
    String heading = piped.out().substring(0, piped.out().indexOf('\n') + 1);
    assertThat(terminal.out()).startsWith(heading);
    assertThat(erased).isEqualTo(piped.out().substring(heading.length()));
    Canaries.assertNoneIn(terminal.all(), List.of(TOKEN));
  }

  private CliRun values(CliRun run) {
    return run.env("PLUGBOARD_MINIMAL_API_URL", server.url("/accounts/acme/").toString())
        .env("PLUGBOARD_MINIMAL_TOKEN", TOKEN).env("COLUMNS", "120");
  }
}
