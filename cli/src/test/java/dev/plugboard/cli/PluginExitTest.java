package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.PluginExits;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.HostilePlugins;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that ends the process by a way no class rewriting sees (reflection) is named by the
 * real {@code plugboard} entry point, in a process of its own, and the exit code is Plugboard's.
 */
final class PluginExitTest {

  @TempDir Path plugins;
  @TempDir Path work;

  @Test
  void aPluginEndingTheProcessThroughReflectionIsNamedAndTheExitCodeIsThree() throws Exception {
    TestPluginJar.plugin("reflective").extension(HostilePlugins.ReflectiveExitConstructor.class)
        .copyClass(HostilePlugins.class).file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("reflective"))
        .writeTo(plugins);

    Run run = plugboard("--plugins-dir", plugins.toString(), "plugins");

    assertThat(run.exitCode()).isEqualTo(PluginExits.EXIT_CODE);
    assertThat(run.err()).contains("plugboard: the process was ended by a System.exit that Plugboard did not make, while"
        + " this plugin code ran: the constructor of " + HostilePlugins.ReflectiveExitConstructor.class.getName()
        + " of plugin reflective@1.0.0 (reflective.jar). Remove the plugin's jar");
  }

  @Test
  void plugboardsOwnExitAfterTheCommandIsNotReported() throws Exception {
    TestPluginJar.connector("good", "good").writeTo(plugins);

    Run run = plugboard("--plugins-dir", plugins.toString(), "plugins");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("ended");
  }

  private record Run(int exitCode, String err) {}

  private Run plugboard(String... args) throws IOException, InterruptedException {
    Path err = work.resolve("err.txt");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.plugboard.cli.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(work.resolve("out.txt").toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("plugboard ended").isTrue();
    return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }
}
