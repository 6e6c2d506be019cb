package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code --home} that cannot be one is told about as what it is, not with advice about files inside it. */
final class HomeFolderTest {

  @TempDir Path plugins;
  @TempDir Path folder;

  @BeforeEach
  void minimalPlugin() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
  }

  @Test
  void aHomeThatIsAFileIsCalledAFile() throws Exception {
    Path file = Files.writeString(folder.resolve("passwd"), "root:x:0:0");

    CliRun.Result result = run(file, "connections");

    assertThat(result.exitCode()).isEqualTo(ExitCode.COULD_NOT_FINISH);
    assertThat(result.err()).isEqualTo("plugboard: cannot read the connection store in " + file + ": " + file
        + " is a file, not a folder; give the home folder (one you can write to) with --home DIR or PLUGBOARD_HOME"
        + System.lineSeparator());
    assertThat(result.all()).doesNotContain("chmod");
  }

  @Test
  void aHomeBelowAFileNamesTheFile() throws Exception {
    Path file = Files.writeString(folder.resolve("passwd"), "root:x:0:0");

    CliRun.Result result = run(file.resolve("plugboard"), "connect", "minimal");

    assertThat(result.exitCode()).isEqualTo(ExitCode.COULD_NOT_FINISH);
    assertThat(result.err()).contains(file.resolve("plugboard") + " cannot be a folder: " + file + " above it is a file");
    assertThat(result.out()).doesNotContain("Verifying");
  }

  @Test
  void aHomeInAFolderYouMayNotWriteToIsRefusedBeforeAnythingIsSent() throws Exception {
    Path locked = Files.createDirectory(folder.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    assumeFalse(Files.isWritable(locked), "run as a user the permissions apply to (not root)");

    CliRun.Result result = run(locked.resolve("plugboard"), "connect", "minimal");

    assertThat(result.exitCode()).isEqualTo(ExitCode.COULD_NOT_FINISH);
    assertThat(result.err()).contains("cannot keep connections in " + locked.resolve("plugboard") + ": "
        + locked.resolve("plugboard") + " cannot be made: you may not write to " + locked);
    assertThat(result.out()).doesNotContain("Verifying");
  }

  private CliRun.Result run(Path home, String... command) {
    String[] args = new String[command.length + 4];
    args[0] = "--plugins-dir";
    args[1] = plugins.toString();
    args[2] = "--home";
    args[3] = home.toString();
    System.arraycopy(command, 0, args, 4, command.length);
    return CliRun.args(args).env("PLUGBOARD_MINIMAL_API_URL", "https://api.minimal.example/accounts/acme/")
        .env("PLUGBOARD_MINIMAL_TOKEN", "tokenaaaaaaa12345").run();
  }
}
