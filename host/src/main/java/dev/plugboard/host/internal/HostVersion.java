package dev.plugboard.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This host's own version, as built. */
public final class HostVersion {

  private static final String VERSION = read();

  private HostVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = HostVersion.class.getResourceAsStream("/plugboard-host.properties")) {
      if (in == null) {
        throw new IllegalStateException("plugboard-host.properties is missing from the host jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plugboard-host.properties", e);
    }
  }
}
