package dev.plugboard.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin contract. Plugins declare {@code Plugin-Requires} against it (for
 * example {@code >=1.0.0 & <2.0.0}); a host refuses a plugin whose requirement it does not meet.
 */
public final class PluginApi {

  /** The plugin API version this jar implements, such as {@code 1.0.0}. */
  public static final String VERSION = readVersion();

  private PluginApi() {}

  private static String readVersion() {
    try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
      if (in == null) {
        throw new IllegalStateException("plugin-api.properties is missing from the plugin-api jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plugin-api.properties", e);
    }
  }
}
