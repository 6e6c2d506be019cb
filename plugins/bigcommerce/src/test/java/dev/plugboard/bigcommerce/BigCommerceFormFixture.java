package dev.plugboard.bigcommerce;

import dev.plugboard.host.testing.TestHost;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;

/** The BigCommerce plugin as a real jar, built from this module's classes, in a host of its own. */
final class BigCommerceFormFixture {

  private BigCommerceFormFixture() {}

  /** For {@code @RegisterExtension}: a host with the BigCommerce plugin loaded. */
  static TestHost host() {
    return new TestHost(plugins -> TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins));
  }
}
