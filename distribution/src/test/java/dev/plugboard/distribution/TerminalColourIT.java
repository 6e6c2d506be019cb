package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's output on a real terminal (tmux): statuses in colour, none with {@code NO_COLOR}
 * or {@code TERM=dumb}, and the connections table as wide as the terminal.
 */
final class TerminalColourIT {

  private static final String ESC = "\u001b";
  private static final String GREEN = ESC + "[32m";

  @TempDir Path folder;
  private Tmux terminal;

  @AfterEach
  void closeTerminal() {
    if (terminal != null) {
      terminal.close();
    }
  }

  @Test
  void verifyingTheSandboxOnATerminalShowsGrantedAndVerifiedInGreen() {
    run(250, "verify", "bigcommerce", "--sandbox");
    takeTheSandboxDefaults();
    terminal.expect("Result: verified");
    assertThat(terminal.awaitExit()).isZero();

    String screen = terminal.screenWithAttributes();
    assertThat(screen).contains(GREEN + "granted", GREEN + "verified", "Result: " + GREEN + "verified");
    assertThat(screen.lines().filter(line -> line.contains(GREEN + "granted"))).hasSize(13);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NO_COLOR=1", "TERM=dumb"})
  void withNoColorOrOnADumbTerminalTheSameVerificationHasNoColour(String variable) {
    run(250, List.of("env", variable), "verify", "bigcommerce", "--sandbox");
    takeTheSandboxDefaults();
    terminal.expect("Result: verified");
    assertThat(terminal.awaitExit()).isZero();

    assertThat(terminal.screenWithAttributes()).contains("  granted ").doesNotContain(ESC + "[3");
  }

  @Test
  void theConnectionsTableFitsASixtyColumnTerminalAndIsOneLineEachWhenPiped() {
    Launcher.Result connected = Launcher.plugboard("--home", home().toString(), "connect", "bigcommerce", "--sandbox").go();
    assertThat(connected.exitCode()).as(connected.transcript()).isZero();

    run(60, "connections");
    terminal.expect("bigcommerce/acceptance-outfitters");
    assertThat(terminal.awaitExit()).isZero();
    Launcher.Result piped = Launcher.plugboard("--home", home().toString(), "connections").go();

    List<String> shown = terminal.screen().lines().takeWhile(line -> !line.startsWith("[exit status")).toList();
    assertThat(shown).isNotEmpty().allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(60));
    assertThat(String.join(" ", shown)).contains("Acceptance", "Outfitters", "verified");
    assertThat(piped.out().lines().filter(line -> line.startsWith("bigcommerce/acceptance-outfitters ")))
        .singleElement().satisfies(line -> assertThat(line).contains("Acceptance Outfitters (acceptance-outfitters.example)",
            "verified").hasSizeGreaterThan(60));
    assertThat(piped.out()).doesNotContain(ESC);
  }

  /** Enter at each of the four prompts: the sandbox account's values. */
  private void takeTheSandboxDefaults() {
    for (String prompt : List.of("API Path [", "Access Token (hidden) [", "Client ID [", "Client Secret (hidden) [")) {
      terminal.expect(prompt);
      terminal.expect("]:");
      terminal.enter();
    }
  }

  private void run(int columns, String... args) {
    run(columns, List.of(), args);
  }

  private void run(int columns, List<String> before, String... args) {
    List<String> command = new ArrayList<>(before);
    command.addAll(List.of(Launcher.plugboard().toString(), "--home", home().toString()));
    command.addAll(List.of(args));
    terminal = Tmux.start(folder, command, columns);
  }

  private Path home() {
    return folder.resolve("home");
  }
}
