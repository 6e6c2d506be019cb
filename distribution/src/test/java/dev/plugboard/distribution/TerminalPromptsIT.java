package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.Canaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on a real terminal (tmux), typed into as a person would: the prompts, the answers
 * explained and asked again, secrets never shown, Ctrl-C, and the sandbox's defaults.
 */
final class TerminalPromptsIT {

  @RegisterExtension static final TestSandbox sandbox = new TestSandbox();

  @TempDir Path folder;
  private Tmux terminal;

  @AfterEach
  void closeTerminal() {
    if (terminal != null) {
      terminal.close();
    }
  }

  @Test
  void typedValuesAreExplainedWhenWrongAskedAgainAndVerifiedWithoutASecretEverOnScreen() {
    run("--allow-host", sandbox.address(), "verify", "bigcommerce");

    terminal.expect("BigCommerce: 4 values to give. Secrets are not shown as you type; Ctrl-C cancels.");
    expectQuestion("API Path (step 5 of the setup guide: Copy the API Path)",
        "Your store's API address, shown when you create the API account and saved in the downloaded .txt file.",
        "https://api.bigcommerce.com/stores/abc123/v3/", "API Path:");
    answer("https://api.bigcommerce.com/stores/store-abc123/v3/");
    assertThat(terminal.expect("Try again.")).as("the explanation, in words")
        .contains("5 to 16 lowercase letters and digits, without a store- prefix").doesNotContain("[a-z0-9]");
    terminal.expect("API Path:");
    answer("http://evil.example/stores/abc123/v3/");
    assertThat(terminal.expect("Try again."))
        .contains("evil.example is not an allowed host", "your Access Token would have been sent to evil.example");
    terminal.expect("API Path:");
    answer(sandbox.apiPath());
    expectQuestion("Access Token (step 8 of the setup guide: Copy the credentials)",
        "The token BigCommerce shows once when you save the API account; every API call carries it.",
        "abcdefghijklmnopqrstuvwxyz01234", "Access Token (hidden):");
    answer(sandbox.token());
    expectQuestion("Client ID (step 8 of the setup guide: Copy the credentials)",
        "Identifies the API account. BigCommerce does not use it to authorise API calls, so only its format can be checked.",
        "0123456789abcdefghijklmnopqrstu", "Client ID:");
    answer(TestSandbox.CANARY_CLIENT_ID);
    expectQuestion("Client Secret (step 8 of the setup guide: Copy the credentials)",
        "The API account's secret. No BigCommerce API call checks it, so only its format can be checked;"
            + " it is kept encrypted with the other values.",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Client Secret (hidden):");
    answer(TestSandbox.CANARY_CLIENT_SECRET);
    terminal.expect("Connected to Acceptance Outfitters");
    terminal.expect("Result: verified");

    assertThat(terminal.awaitExit()).isZero();
    Canaries.assertNoneIn(terminal.everythingShown(), List.of(sandbox.token(), TestSandbox.CANARY_CLIENT_SECRET));
    assertThat(home()).as("verify stores nothing").doesNotExist();
  }

  @Test
  void ctrlCAtTheSecondPromptCancelsWithExitTwoAndWritesNothing() {
    run("--allow-host", sandbox.address(), "connect", "bigcommerce");
    terminal.expect("API Path:");
    answer(sandbox.apiPath());
    terminal.expect("Access Token (hidden):");
    String halfTyped = sandbox.token().substring(0, 12);
    terminal.type(halfTyped);

    terminal.interrupt();

    terminal.expect("plugboard: cancelled at Access Token: nothing was sent or stored");
    assertThat(terminal.awaitExit()).isEqualTo(2);
    Canaries.assertNoneIn(terminal.everythingShown(), List.of(halfTyped));
    assertThat(home()).as("nothing under --home").doesNotExist();
  }

  @Test
  void endOfInputAtTheFirstPromptCancelsTheSameWay() {
    run("--allow-host", sandbox.address(), "connect", "bigcommerce");
    terminal.expect("API Path:");

    terminal.endOfInput();

    terminal.expect("plugboard: cancelled at API Path: nothing was sent or stored");
    assertThat(terminal.awaitExit()).isEqualTo(2);
    assertThat(home()).as("nothing under --home").doesNotExist();
  }

  @Test
  void connectToTheSandboxTakesTheOfferedDefaultsWithEnterAndSavesTheConnection() {
    run("connect", "bigcommerce", "--sandbox");
    Matcher started = Pattern.compile("using the bigcommerce sandbox on (127\\.0\\.0\\.1:\\d+),")
        .matcher(terminal.expect(", a stand-in for the platform"));
    assertThat(started.find()).isTrue();

    terminal.expect("API Path [http://" + started.group(1) + "/stores/");
    terminal.expect("/v3/]:");
    terminal.enter();
    terminal.expect("Access Token (hidden) [********]:");
    terminal.enter();
    terminal.expect("Client ID [");
    terminal.expect("]:");
    terminal.enter();
    terminal.expect("Client Secret (hidden) [********]:");
    terminal.enter();
    terminal.expect("Connected to Acceptance Outfitters");
    terminal.expect("Saved as bigcommerce/acceptance-outfitters (encrypted, in " + home() + ")");

    assertThat(terminal.awaitExit()).isZero();
    Launcher.Result list = Launcher.plugboard("--home", home().toString(), "connections", "list").go();
    assertThat(list.out()).contains("bigcommerce/acceptance-outfitters", "bigcommerce (sandbox)", "verified");
    // README's try-it path goes on: the sandbox is gone, and starts again for the connection.
    Launcher.Result again = Launcher.plugboard("--home", home().toString(), "connections", "verify",
        "bigcommerce/acceptance-outfitters").go();
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("Connected to Acceptance Outfitters", "Recorded in bigcommerce/acceptance-outfitters.");
  }

  private void run(String... args) {
    List<String> command = new ArrayList<>(List.of(Launcher.plugboard().toString(), "--home", home().toString()));
    command.addAll(List.of(args));
    terminal = Tmux.start(folder, command);
  }

  /** The label with its guide step, one help line and the example, then the prompt. */
  private void expectQuestion(String heading, String help, String example, String prompt) {
    terminal.expect(heading);
    terminal.expect("  " + help);
    terminal.expect("  Example: " + example);
    terminal.expect(prompt);
  }

  private void answer(String text) {
    terminal.type(text);
    terminal.enter();
  }

  private Path home() {
    return folder.resolve("home");
  }
}
