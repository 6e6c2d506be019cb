package dev.plugboard.store.jdbc.testing;

import dev.plugboard.bigcommerce.BigCommerceConnector;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plugins folder holding the BigCommerce plugin as built (its jar, or this build's classes packed into one). */
public final class BigCommercePlugin {

  private BigCommercePlugin() {}

  public static Path installIn(Path dir) {
    try {
      Path plugin = Path.of(BigCommerceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(plugin)) {
        TestPluginJar.plugin("bigcommerce").directory(plugin).writeTo(dir);
      } else {
        Files.copy(plugin, dir.resolve(plugin.getFileName()));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
