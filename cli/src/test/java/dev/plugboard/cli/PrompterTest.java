package dev.plugboard.cli;

import static dev.plugboard.cli.MinimalConnector.TOKEN;
import static dev.plugboard.cli.MinimalConnector.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.Form;
import dev.plugboard.host.testing.TestHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The prompts, driven as a person would over a terminal's streams: what is shown, what is asked
 * again, and that a secret typed never appears in the output.
 */
final class PrompterTest {

  @RegisterExtension static final TestHost minimal = MinimalConnector.host();
  static Form form;
  static BiFunction<String, String, FieldCheck> check;

  @BeforeAll
  static void load() {
    form = minimal.plugboard().form("minimal");
    check = (id, value) -> minimal.plugboard().checkFormat("minimal", Map.of(id, value)).stream()
        .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void eachFieldIsIntroducedWithItsHelpExampleAndGuideStepInDeclaredOrder() {
    Session session = answer(List.of("api_url", "token"), Map.of(), URL + "\n" + TOKEN + "\n");

    assertThat(session.answers()).containsEntry("api_url", URL).containsEntry("token", TOKEN);
    assertThat(session.out()).containsSubsequence(
        "Minimal minimal: 2 values to give. Secrets are not shown as you type; Ctrl-C cancels.",
        "API URL (step 1 of the setup guide: Open settings)",
        "  The API address.",
        "  Example: https://api.minimal.example/accounts/acme/",
        "API URL: " + URL,
        "Token (step 2 of the setup guide: Create the token)",
        "  The token you created.",
        "Token (hidden): ");
  }

  @Test
  void aSecretTypedIsNeverShown() {
    Session session = answer(List.of("token"), Map.of(), TOKEN + "\n");

    assertThat(session.answers()).containsEntry("token", TOKEN);
    assertThat(session.out()).contains("Token (hidden): ").doesNotContain(TOKEN).doesNotContain("*****");
  }

  @Test
  void anInvalidAnswerIsExplainedInWordsAndAskedAgain() {
    Session session = answer(List.of("api_url", "token"), Map.of(),
        "https://evil.example/accounts/acme/\n" + URL + "\nNOT-A-" + TOKEN + "\n\n" + TOKEN + "\n");

    assertThat(session.answers()).containsEntry("api_url", URL).containsEntry("token", TOKEN);
    assertThat(session.out()).containsSubsequence(
        "API URL: https://evil.example/accounts/acme/",
        "  API URL is refused: evil.example is not an allowed host (allowed: api.minimal.example); your Token would"
            + " have been sent to evil.example (nothing was sent). A Minimal minimal API URL looks like " + URL + ". Try again.",
        "API URL: " + URL,
        "Token (hidden): ",
        "  Token must be 8 to 64 lowercase letters and digits. Try again.",
        "Token (hidden): ",
        "  Token is missing; it is shown at step 2 of the setup guide (Create the token). Try again.",
        "Token (hidden): ");
    assertThat(session.out()).doesNotContain(TOKEN).doesNotContain("[a-z0-9]");
  }

  @Test
  void aDefaultIsOfferedAndEnterTakesItWithASecretOneMasked() {
    Session session = answer(List.of("api_url", "token"), Map.of("api_url", URL, "token", TOKEN), "\n\n");

    assertThat(session.answers()).containsEntry("api_url", URL).containsEntry("token", TOKEN);
    assertThat(session.sources()).containsEntry("api_url", ValueSource.DEFAULT);
    assertThat(session.out()).contains("API URL [" + URL + "]: ").contains("Token (hidden) [********]: ")
        .doesNotContain(TOKEN);
  }

  @Test
  void endOfInputCancels() {
    assertThatThrownBy(() -> answer(List.of("api_url", "token"), Map.of(), URL + "\n"))
        .isInstanceOf(PromptCancelledException.class)
        .hasMessage("cancelled at Token: nothing was sent or stored");
  }

  @Test
  void ctrlCCancels() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (TerminalInput terminal = TerminalInput.over(in, screen)) {
      Future<?> asking = thread.submit(() -> new Prompter(terminal).ask(form, List.of("token"), Map.of(), check));
      awaitText(screen, "Token (hidden): ");
      keyboard.write(3);
      keyboard.flush();

      assertThatThrownBy(() -> asking.get(10, TimeUnit.SECONDS))
          .cause().isInstanceOf(PromptCancelledException.class).hasMessage("cancelled at Token: nothing was sent or stored");
    } finally {
      keyboard.close();
      thread.shutdownNow();
    }
  }

  /** Waits, within a bound, for the prompt a person would wait for before typing. */
  private static void awaitText(ByteArrayOutputStream screen, String text) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!screen(screen).contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no \"" + text + "\" on the screen: " + screen.toString(StandardCharsets.UTF_8));
      }
      Thread.sleep(10);
    }
  }

  /** What a person sees: the output without carriage returns and the terminal's mode sequences. */
  static String screen(ByteArrayOutputStream output) {
    return output.toString(StandardCharsets.UTF_8).replace("\r", "").replaceAll("\u001b(\\[[?0-9;]*[A-Za-z]|[=>])", "");
  }

  private static Session answer(List<String> ids, Map<String, String> defaults, String typed) {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (TerminalInput terminal = TerminalInput.over(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen)) {
      Map<String, GivenValues.Given> answers = new Prompter(terminal).ask(form, ids, defaults, check);
      terminal.writer().flush();
      return new Session(answers, screen(screen));
    }
  }

  private record Session(Map<String, GivenValues.Given> given, String out) {
    Map<String, String> answers() {
      return given.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
    }

    Map<String, ValueSource> sources() {
      return given.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().source()));
    }
  }
}
