package dev.plugboard.host.internal.inject;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an embedding application or the CLI chose when building a host.
 *
 * @param pluginsDir the folder plugin jars are loaded from
 */
public record HostSettings(Path pluginsDir) {

  public HostSettings {
    Objects.requireNonNull(pluginsDir, "pluginsDir == null");
  }
}
