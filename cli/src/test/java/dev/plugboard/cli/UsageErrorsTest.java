package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value in the wrong place may be a secret: usage errors name the option or the position,
 * never the value given, and exit 2.
 */
final class UsageErrorsTest {

  static final String SECRET = "canary0wrong0place0zz";

  @TempDir Path plugins;
  @TempDir Path home;

  @BeforeEach
  void minimalPlugin() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
  }

  @Test
  void aSecretAfterAnOptionThatDoesNotExistIsNotRepeated() {
    CliRun.Result result = cli("verify", "minimal", "--access-token", SECRET).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("plugboard: unknown option --access-token; and an unexpected argument (argument 8),"
        + " not repeated here (it may be a secret typed in the wrong place). Give secrets with --values-file,"
        + " --credentials-file, the environment or the prompt, never as arguments");
    assertThat(result.all()).doesNotContain(SECRET);
  }

  @Test
  void aSecretGivenAsAnOptionWithAnEqualsSignIsNotRepeated() {
    CliRun.Result result = cli("verify", "minimal", "--token=" + SECRET).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("unknown option --token");
    assertThat(result.all()).doesNotContain(SECRET);
  }

  @Test
  void aStrayArgumentIsNamedByItsPosition() {
    CliRun.Result result = cli("describe", "minimal", SECRET).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("an unexpected argument (argument 7), not repeated here");
    assertThat(result.all()).doesNotContain(SECRET);
  }

  @Test
  void aBadTimeoutSaysWhatATimeoutLooksLikeWithoutRepeatingIt() {
    CliRun.Result result = cli("verify", "minimal", "--timeout", SECRET).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("the value given for --timeout is not valid; it must be a duration more than zero,"
        + " such as 500ms, 30s, 2m or 1h");
    assertThat(result.all()).doesNotContain(SECRET);
  }

  @Test
  void anUnknownOrInvalidConnectionNameIsNotRepeated() {
    CliRun.Result unknown = cli("connections", "show", SECRET).run();
    CliRun.Result invalid = cli("connect", "minimal", "--name", SECRET + "/x/y").run();

    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("no connection is kept under the name given (NAME)");
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(invalid.err()).contains("the connection name given is not allowed: use up to");
    assertThat(unknown.all() + invalid.all()).doesNotContain(SECRET);
  }

  @Test
  void aNamedPipeAsCredentialsOrValuesFileIsRefusedWithoutBlocking() throws Exception {
    Path pipe = plugins.getParent().resolve(plugins.getFileName() + "-pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    try {
      CliRun.Result credentials = cli("verify", "minimal", "--credentials-file", pipe.toString()).run();
      CliRun.Result values = cli("verify", "minimal", "--values-file", pipe.toString()).run();

      assertThat(credentials.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(credentials.err()).contains("credentials file " + pipe + " is not a regular file (a named pipe or a"
          + " device, say); give a file, or - to read standard input");
      assertThat(values.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(values.err()).contains("values file " + pipe + " is not a regular file");
    } finally {
      Files.delete(pipe);
    }
  }

  @Test
  void aCredentialsFileOnStandardInputIsReadWithTheSameLimit() {
    CliRun.Result tooLarge = cli("verify", "minimal", "--credentials-file", "-").stdin("x".repeat(1024 * 1024 + 1)).run();
    CliRun.Result both = cli("verify", "minimal", "--credentials-file", "-", "--values-file", "-").run();

    assertThat(tooLarge.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(tooLarge.err()).contains("credentials file on standard input is larger than 1 MiB");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("--values-file - and --credentials-file - both read standard input");
  }

  private CliRun cli(String... command) {
    String[] args = new String[command.length + 4];
    args[0] = "--plugins-dir";
    args[1] = plugins.toString();
    args[2] = "--home";
    args[3] = home.toString();
    System.arraycopy(command, 0, args, 4, command.length);
    return CliRun.args(args);
  }
}
