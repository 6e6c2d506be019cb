package dev.plugboard.host.internal.inject;

import dev.plugboard.host.internal.http.ExtraHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an embedding application or the CLI chose when building a host.
 *
 * @param pluginsDir the folder plugin jars are loaded from
 * @param home the folder connections and the key are kept in
 * @param extraHosts hosts added to every connector's allow-list, for local testing
 */
public record HostSettings(Path pluginsDir, Path home, List<ExtraHost> extraHosts) {

  public HostSettings {
    Objects.requireNonNull(pluginsDir, "pluginsDir == null");
    Objects.requireNonNull(home, "home == null");
    extraHosts = List.copyOf(extraHosts);
  }
}
