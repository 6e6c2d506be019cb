package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as people write them: {@code 1m30s} and {@code 1.5s} beside {@code PT1S} and a bare {@code 10}. */
final class DurationConverterTest {

  @TempDir Path plugins;
  @TempDir Path home;

  @BeforeEach
  void minimalPlugin() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m30s", "1.5s", "PT1S", "10", "2.5", "500ms", "1h30m", "2h"})
  void everyDocumentedFormOfDurationIsAccepted(String duration) {
    CliRun.Result result = due("--timeout", duration, "--every", duration);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("No connection is due for re-verification.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m30", "1.5.5s", "s", "1,5s", "0.0s", "1 m"})
  void aMalformedDurationIsBadUsageNamingTheAcceptedForms(String duration) {
    CliRun.Result result = due("--timeout", duration);

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("the value given for --timeout is not valid; it must be a duration more than zero");
  }

  @Test
  void theTimeoutHelpNamesTheAcceptedForms() {
    CliRun.Result result = CliRun.args("verify", "--help").run();

    assertThat(result.out().replaceAll("\\s+", " ")).contains("1m30s, 2h, a number of seconds or PT30S");
  }

  private CliRun.Result due(String... options) {
    String[] args = new String[] {"--plugins-dir", plugins.toString(), "--home", home.toString(), "connections", "verify",
        "--due"};
    String[] all = Arrays.copyOf(args, args.length + options.length);
    System.arraycopy(options, 0, all, args.length, options.length);
    return CliRun.args(all).run();
  }
}
