package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.internal.plugins.Descriptors;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestHost;
import dev.plugboard.host.testing.TestPluginJar;

/** The small test connector ({@code api_url}, secret {@code token}) for the CLI's value tests. */
final class MinimalConnector {

  static final String TOKEN = "canarytoken0123456789";
  static final String URL = "https://api.minimal.example/accounts/acme/";

  private MinimalConnector() {}

  static ConnectorDescriptor descriptor() {
    return descriptor("minimal");
  }

  static ConnectorDescriptor descriptor(String connectorId) {
    return Descriptors.parse("minimal.yaml", TestDescriptors.minimal(connectorId));
  }

  /** For {@code @RegisterExtension}: a host with the minimal plugin loaded. */
  static TestHost host() {
    return new TestHost(plugins -> TestPluginJar.connector("minimal", "minimal").writeTo(plugins));
  }
}
