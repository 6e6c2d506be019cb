package dev.plugboard.bigcommerce;

import dev.plugboard.host.Plugboard;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;

/** The BigCommerce plugin as a real jar, built from this module's classes, in a host of its own. */
final class BigCommerceFormFixture {

  private BigCommerceFormFixture() {}

  /** Writes the plugin jar into {@code dir}/plugins and returns that folder. */
  static Path pluginsIn(Path dir) {
    Path plugins = dir.resolve("plugins");
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins);
    return plugins;
  }

  static Plugboard host(Path dir) {
    return Plugboard.builder().pluginsDir(pluginsIn(dir)).home(dir.resolve("home")).build();
  }
}
