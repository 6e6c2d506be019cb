package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlugboardLifecycleTest {

  @TempDir Path plugins;
  @TempDir Path home;

  @Test
  void aClosedPlugboardSaysSoInsteadOfWorkingOnReleasedPlugins() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
    Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).build();
    plugboard.close();
    plugboard.close(); // twice is harmless

    assertThatThrownBy(() -> plugboard.describe("minimal"))
        .isInstanceOf(IllegalStateException.class).hasMessage("this Plugboard is closed; build a new one");
    assertThatThrownBy(() -> plugboard.verify("minimal", Map.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void connectingWithAnUnreadableStoreFailsBeforeAnythingIsSent() throws IOException {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
    Path notAFolder = home.resolve("file");
    Files.writeString(notAFolder, "a file where the home's parent should be");
    // api.minimal.example does not resolve: had anything been sent, the report would say unreachable instead.
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(notAFolder.resolve("home")).build()) {

      assertThatThrownBy(() -> plugboard.connect("minimal",
              Map.of("api_url", "https://api.minimal.example/accounts/acme/", "token", "tokenaaaaaaaa1")))
          .isInstanceOf(ConnectionStoreException.class)
          .hasMessageContaining("connection store");
    }
    assertThat(notAFolder).isRegularFile();
  }
}
