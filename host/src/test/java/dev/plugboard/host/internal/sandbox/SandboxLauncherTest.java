package dev.plugboard.host.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.testing.FixtureSandbox;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SandboxLauncherTest {

  @TempDir Path plugins;

  @Test
  void startsTheSandboxTheConnectorsPluginShipsInsideThePluginsClassLoader() {
    TestPluginJar.connector("minimal", "minimal").extension(FixtureSandbox.class).writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins);
        RunningSandbox sandbox = new SandboxLauncher(registry).start(registry.connector("minimal"), SandboxOptions.defaults())) {

      assertThat(sandbox.extraHost()).isEqualTo(new ExtraHost("127.0.0.1", 4010));
      assertThat(sandbox.defaults()).containsEntry("api_url", "http://127.0.0.1:4010/accounts/acme/")
          .containsEntry("started_with_plugin_loader", "true");
      assertThat(sandbox.toString()).isEqualTo("sandbox of minimal@1.0.0 on 127.0.0.1:4010").doesNotContain("sandboxtoken");
    }
  }

  @Test
  void aConnectorWithoutASandboxIsToldSo() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      SandboxLauncher launcher = new SandboxLauncher(registry);
      assertThat(launcher.available(registry.connector("minimal"))).isFalse();
      assertThatThrownBy(() -> launcher.start(registry.connector("minimal"), SandboxOptions.defaults()))
          .isInstanceOf(PlugboardException.class)
          .hasMessage("connector minimal (minimal@1.0.0) ships no sandbox; --sandbox needs one");
    }
  }

  @Test
  void optionsTheSandboxRefusesAreAUsageMistakeNamingTheConnector() {
    TestPluginJar.connector("minimal", "minimal").extension(FixtureSandbox.class).writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new SandboxLauncher(registry).start(registry.connector("minimal"),
              SandboxOptions.builder().grant("unknown").build()))
          .withMessage("the minimal sandbox: no scope unknown; the scopes are Orders, Customers");
    }
  }

  @Test
  void aSandboxClaimingANonLoopbackAddressIsRefused() {
    TestPluginJar.connector("minimal", "minimal").extension(FixtureSandbox.class).writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThatThrownBy(() -> new SandboxLauncher(registry).start(registry.connector("minimal"),
              SandboxOptions.builder().grant("remote").build()))
          .isInstanceOf(PlugboardException.class)
          .hasMessageContaining("listens on 192.0.2.10, not on a loopback address");
    }
  }

  @Test
  void aSandboxThatNeverStartsFailsAtThePluginsDeadlineInWords() {
    TestPluginJar.connector("minimal", "minimal").extension(FixtureSandbox.class).writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins, Duration.ofMillis(300))) {
      assertThatThrownBy(() -> new SandboxLauncher(registry).start(registry.connector("minimal"),
          SandboxOptions.builder().grant("hang").build()))
          .isInstanceOf(PlugboardException.class)
          .hasMessageStartingWith("plugin minimal@1.0.0: start() of its sandbox did not return within 300 ms and was"
              + " abandoned");
    }
  }

  @Test
  void aSandboxThatTriesToEndTheProcessIsRefusedAndFails() {
    TestPluginJar.connector("minimal", "minimal").extension(FixtureSandbox.class).writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThatThrownBy(() -> new SandboxLauncher(registry).start(registry.connector("minimal"),
          SandboxOptions.builder().grant("exit").build()))
          .isInstanceOf(PlugboardException.class)
          .hasMessageStartingWith("plugin minimal@1.0.0: start() of its sandbox called System.exit")
          .hasMessageContaining("to end the process; Plugboard refused it");
    }
  }
}
