package dev.plugboard.web.testing;

import dev.plugboard.bigcommerce.BigCommerceConnector;
import dev.plugboard.host.testing.TestPluginJar;
import dev.plugboard.woocommerce.WooCommerceConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plugins folder holding both shipped connectors as built: their jars, or this build's classes packed into jars. */
public final class ShippedPlugins {

  private ShippedPlugins() {}

  public static Path installIn(Path dir) {
    install(dir, "bigcommerce", BigCommerceConnector.class);
    install(dir, "woocommerce", WooCommerceConnector.class);
    return dir;
  }

  private static void install(Path dir, String pluginId, Class<?> connector) {
    try {
      Files.createDirectories(dir);
      Path built = Path.of(connector.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(built)) {
        TestPluginJar.plugin(pluginId).directory(built).writeTo(dir);
      } else {
        Files.copy(built, dir.resolve(built.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
