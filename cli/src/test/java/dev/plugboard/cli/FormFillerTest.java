package dev.plugboard.cli;

import static dev.plugboard.cli.MinimalConnector.TOKEN;
import static dev.plugboard.cli.MinimalConnector.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.testing.TestHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Values for verify and connect: every source, then the terminal for what is missing, or a clear refusal without one. */
final class FormFillerTest {

  @RegisterExtension static final TestHost minimal = MinimalConnector.host();

  @Test
  void withoutATerminalMissingValuesAreNamedWithEveryWayToGiveThem() {
    assertThatThrownBy(() -> fill(Map.of(), Optional::empty, Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage("""
            no terminal to ask for API URL (api_url), Token (token); give them with any of:
              --credentials-file FILE  the platform's credentials file (its API URL, TOKEN lines)
              --values-file FILE|-     a JSON object, such as {"api_url": "...", "token": "..."}
              environment variables    PLUGBOARD_MINIMAL_API_URL, PLUGBOARD_MINIMAL_TOKEN
              --set FIELD=VALUE        for values that are not secret: --set api_url=...""");
  }

  @Test
  void withoutATerminalOnlyTheMissingValueIsNamed() {
    assertThatThrownBy(() -> fill(Map.of("PLUGBOARD_MINIMAL_API_URL", URL), Optional::empty, Map.of()))
        .hasMessageStartingWith("no terminal to ask for Token (token); give it with any of:")
        .hasMessageNotContaining("--set FIELD=VALUE");
  }

  @Test
  void onATerminalOnlyWhatNoOtherSourceGaveIsAsked() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    TerminalInput terminal = TerminalInput.over(new ByteArrayInputStream((TOKEN + "\n").getBytes(StandardCharsets.UTF_8)), screen);

    GivenValues given = fill(Map.of("PLUGBOARD_MINIMAL_API_URL", URL), () -> Optional.of(terminal), Map.of());

    assertThat(given.asMap()).containsExactly(Map.entry("api_url", URL), Map.entry("token", TOKEN));
    assertThat(given.values().get("token").source()).isEqualTo(ValueSource.PROMPT);
    assertThat(PrompterTest.screen(screen)).contains("1 value to give").contains("Token (hidden): ")
        .doesNotContain("API URL:").doesNotContain(TOKEN);
  }

  @Test
  void whenEverySourceGaveEverythingNothingIsAsked() {
    Supplier<Optional<TerminalInput>> noTerminalWanted = () -> {
      throw new AssertionError("asked for a terminal");
    };

    GivenValues given = fill(Map.of("PLUGBOARD_MINIMAL_API_URL", URL, "PLUGBOARD_MINIMAL_TOKEN", TOKEN), noTerminalWanted, Map.of());

    assertThat(given.asMap()).containsOnlyKeys("api_url", "token");
  }

  @Test
  void withoutATerminalDefaultsFillWhatIsMissingAndGivenValuesWin() {
    GivenValues given = fill(Map.of("PLUGBOARD_MINIMAL_API_URL", URL), Optional::empty,
        Map.of("api_url", "https://api.minimal.example/accounts/sandbox/", "token", TOKEN));

    assertThat(given.asMap()).containsEntry("api_url", URL).containsEntry("token", TOKEN);
    assertThat(given.values().get("token").source()).isEqualTo(ValueSource.DEFAULT);
  }

  @Test
  void cancellingAtAPromptIsAUsageErrorThatStoresNothing() {
    TerminalInput terminal = TerminalInput.over(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());

    assertThatThrownBy(() -> fill(Map.of(), () -> Optional.of(terminal), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage("cancelled at API URL: nothing was sent or stored");
  }

  private static GivenValues fill(Map<String, String> env, Supplier<Optional<TerminalInput>> terminal, Map<String, String> defaults) {
    ValuesOptionsTest.Holder holder = new ValuesOptionsTest.Holder();
    new CommandLine(holder).parseArgs();
    CliEnvironment environment = ValuesOptionsTest.environment(env, "");
    return new FormFiller(minimal.plugboard(), environment, terminal).fill("minimal", holder.values, defaults);
  }
}
