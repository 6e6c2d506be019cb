package dev.plugboard.host.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;

/** The small test connector ({@code api_url}, secret {@code token}) for the CLI's value tests. */
final class MinimalConnector {

  static final String TOKEN = "canarytoken0123456789";
  static final String URL = "https://api.minimal.example/accounts/acme/";

  private MinimalConnector() {}

  static ConnectorDescriptor descriptor() {
    return descriptor("minimal");
  }

  static ConnectorDescriptor descriptor(String connectorId) {
    return Mappers.strictYaml().readValue(TestDescriptors.minimal(connectorId), ConnectorDescriptor.class);
  }

  /** A host with the minimal plugin in {@code dir}/plugins. */
  static Plugboard host(Path dir) {
    TestPluginJar.connector("minimal", "minimal").writeTo(dir.resolve("plugins"));
    return Plugboard.builder().pluginsDir(dir.resolve("plugins")).home(dir.resolve("home")).build();
  }
}
