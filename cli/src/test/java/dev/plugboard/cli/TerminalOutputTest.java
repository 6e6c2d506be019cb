package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output a person reads fits their terminal ({@code COLUMNS}, else the terminal's width) and colours
 * the statuses on a terminal only, as {@code NO_COLOR}, {@code TERM=dumb} and {@code --color} say;
 * piped, it is plain and as wide as it is.
 */
final class TerminalOutputTest {

  private static final String SUMMARY = "A connector for tests whose summary is long enough to need wrapping on a narrow"
      + " terminal, as the guides and help texts of real platforms are; every word of it is kept, in order,"
      + " whatever the width of the screen it is printed on.";
  private static final String ACCOUNT = "Acceptance Outfitters Wholesale and Retail"
      + " (acceptance-outfitters-wholesale.mybigcommerce.example, USD, America/Chicago)";
  private static final String ESC = "\u001b";

  @TempDir Path plugins;
  @TempDir Path home;

  @BeforeEach
  void aConnectorWithALongSummaryAndAConnectionWithALongAccountName() {
    TestPluginJar.plugin("minimal").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("minimal")
            .replace("summary: A connector for tests.", "summary: " + SUMMARY))
        .writeTo(plugins);
    try (Plugboard host = Plugboard.builder().pluginsDir(plugins).home(home).build()) {
      Connection shop = TestConnections.connection("shop/wholesale");
      host.connections().put(new Connection(shop.name(), shop.connector(), shop.pluginVersion(), shop.values(),
          TestConnections.SECRET_FIELDS, new Account(ACCOUNT, Map.of()), shop.scopes(), VerificationReport.Status.VERIFIED,
          shop.checkedAt()));
      host.connections().put(TestConnections.connection("shop/b").withVerification("1.0.0", failed(shop)));
    }
  }

  @Test
  void describeWrapsItsTextToSixtyColumnsAndToAHundredWhenPiped() {
    CliRun.Result narrow = cli("describe", "minimal").env("COLUMNS", "60").run();
    CliRun.Result piped = cli("describe", "minimal").run();

    assertThat(narrow.exitCode()).as(narrow.all()).isZero();
    assertThat(narrow.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(60));
    assertThat(piped.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100))
        .anySatisfy(line -> assertThat(line.length()).isGreaterThan(60));
    assertThat(words(narrow.out())).isEqualTo(words(piped.out())).contains(String.join(" ", SUMMARY.split(" ")));
    assertThat(narrow.out() + piped.out()).doesNotContain(ESC);
  }

  @Test
  void theConnectionsTableWrapsTheAccountToFitNinetyColumnsAndStaysOneLineEachWhenPiped() {
    CliRun.Result fitted = cli("connections").env("COLUMNS", "90").run();
    CliRun.Result piped = cli("connections").run();

    assertThat(fitted.exitCode()).as(fitted.all()).isZero();
    assertThat(piped.out().lines()).hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith("shop/wholesale ").contains(ACCOUNT, "verified"))
        .anySatisfy(line -> assertThat(line.length()).isGreaterThan(130));
    assertThat(fitted.out().lines()).hasSizeGreaterThan(3)
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(90))
        .anySatisfy(line -> assertThat(line).startsWith("shop/wholesale ").contains("Acceptance", "UTC", "verified"));
    assertThat(accountColumn(fitted.out(), "shop/wholesale")).isEqualTo(ACCOUNT.replaceAll("\\s+", ""));
  }

  /** The text of the ACCOUNT column of {@code name}'s row and the lines it wraps onto, spaces left out. */
  private static String accountColumn(String table, String name) {
    List<String> lines = table.lines().toList();
    int from = lines.get(0).indexOf("ACCOUNT");
    int to = lines.get(0).indexOf("LAST VERIFIED");
    StringBuilder account = new StringBuilder();
    for (int i = lines.indexOf(lines.stream().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow());
        i < lines.size() && (lines.get(i).startsWith(name + " ") || lines.get(i).startsWith(" ")); i++) {
      String line = lines.get(i);
      account.append(line.substring(Math.min(from, line.length()), Math.min(to, line.length())));
    }
    return account.toString().replaceAll("\\s+", "");
  }

  @Test
  void onSixtyColumnsEachConnectionIsABlockOfLinesThatFit() {
    CliRun.Result narrow = cli("connections").env("COLUMNS", "60").run();

    assertThat(narrow.exitCode()).as(narrow.all()).isZero();
    assertThat(narrow.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(60))
        .contains("shop/wholesale  verified", "shop/b  failed", "  CONNECTOR      bigcommerce",
            "  LAST VERIFIED  2025-05-04 10:15 UTC");
    assertThat(narrow.out().replaceAll("\\s+", "")).contains(ACCOUNT.replaceAll("\\s+", ""));
  }

  @Test
  void onATerminalStatusesAreColouredGreenForVerifiedAndRedForFailed() {
    CliRun.Result result = cli("connections").onTerminal().env("TERM", "xterm-256color").run();

    assertThat(result.out()).contains(ESC + "[32mverified" + ESC + "[0m", ESC + "[31mfailed" + ESC + "[0m");
    assertThat(result.out().replaceAll(ESC + "\\[[0-9;]*m", "")).isEqualTo(cli("connections").run().out());
  }

  @Test
  void noColorTermDumbAndAPipeEachMeanNoColour() {
    assertThat(cli("connections").onTerminal().env("TERM", "xterm").env("NO_COLOR", "1").run().out()).doesNotContain(ESC);
    assertThat(cli("connections").onTerminal().env("TERM", "xterm").env("NO_COLOR", " ").run().out()).doesNotContain(ESC);
    assertThat(cli("connections").onTerminal().env("TERM", "dumb").run().out()).doesNotContain(ESC);
    assertThat(cli("connections").env("TERM", "xterm").run().out()).doesNotContain(ESC);
    assertThat(cli("connections", "show", "shop/b").onTerminal().env("TERM", "xterm").env("NO_COLOR", "yes").run().out())
        .doesNotContain(ESC);
  }

  @Test
  void anEmptyNoColorIsNotSet() {
    assertThat(cli("connections").onTerminal().env("TERM", "xterm").env("NO_COLOR", "").run().out()).contains(ESC);
  }

  @Test
  void colorAlwaysColoursAPipeAndNeverLeavesATerminalPlainAndJsonIsNeverColoured() {
    assertThat(cli("--color=always", "connections").run().out()).contains(ESC + "[32mverified");
    assertThat(cli("--color", "never", "connections").onTerminal().env("TERM", "xterm").run().out()).doesNotContain(ESC);
    assertThat(cli("--color=always", "connections", "--json").onTerminal().env("TERM", "xterm").run().out())
        .doesNotContain(ESC);
    assertThat(cli("--color=always", "connections", "show", "shop/b", "--json").run().out()).doesNotContain(ESC);
  }

  @Test
  void anUnknownColorChoiceIsBadUsageNamingTheChoices() {
    CliRun.Result result = cli("--color=sometimes", "connections").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--color", "sometimes", "AUTO", "ALWAYS", "NEVER");
  }

  @Test
  void serverTextIsNeutralisedBeforeColourSoAnEscapeItSendsIsShownNotObeyed() {
    try (Plugboard host = Plugboard.builder().pluginsDir(plugins).home(home).build()) {
      Connection shop = TestConnections.connection("shop/hostile");
      host.connections().put(new Connection(shop.name(), shop.connector(), shop.pluginVersion(), shop.values(),
          TestConnections.SECRET_FIELDS, new Account("Evil" + ESC + "[32mverified", Map.of()), shop.scopes(),
          VerificationReport.Status.VERIFIED, shop.checkedAt()));
    }

    String out = cli("connections").onTerminal().env("TERM", "xterm").run().out();

    assertThat(out).contains("Evil\\u001b[32mverified").doesNotContain("Evil" + ESC);
  }

  private static VerificationReport failed(Connection shop) {
    return new VerificationReport(shop.connector(), VerificationReport.Status.FAILED, shop.account(), List.of(), List.of(),
        shop.scopes(), List.of(), shop.checkedAt());
  }

  /** The words of {@code text} joined by single spaces: what wrapping must not change. */
  private static String words(String text) {
    return String.join(" ", text.strip().split("\\s+"));
  }

  private CliRun cli(String... args) {
    return CliRun.args(args).folders(plugins, home);
  }
}
