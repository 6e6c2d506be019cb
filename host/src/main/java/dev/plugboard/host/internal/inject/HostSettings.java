package dev.plugboard.host.internal.inject;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What an embedding application or the CLI chose when building a host.
 *
 * @param pluginsDir the folder plugin jars are loaded from
 * @param home the folder connections and the key are kept in
 * @param extraHosts hosts added to every connector's allow-list, for local testing
 * @param verificationTimeout the deadline of a whole verification
 * @param parallelism how many calls a verification may have out at once; 0 for no limit
 */
public record HostSettings(
    Path pluginsDir, Path home, List<ExtraHost> extraHosts, Duration verificationTimeout, int parallelism) {

  public HostSettings {
    Objects.requireNonNull(pluginsDir, "pluginsDir == null");
    Objects.requireNonNull(home, "home == null");
    extraHosts = List.copyOf(extraHosts);
    Objects.requireNonNull(verificationTimeout, "verificationTimeout == null");
  }

  /** Settings with the default verification deadline (30 s) and no limit on parallel calls. */
  public HostSettings(Path pluginsDir, Path home, List<ExtraHost> extraHosts) {
    this(pluginsDir, home, extraHosts, VerifyOptions.DEFAULT_TIMEOUT, 0);
  }

  /**
   * Where a connector's credentials may go: its own hosts, the hosts added for testing, and
   * {@code more} (a running sandbox's). The format phase and the HTTP client both ask here.
   */
  public AllowedHosts allowedHosts(ConnectorDescriptor descriptor, Collection<ExtraHost> more) {
    return AllowedHosts.of(descriptor.http().allowedHosts(), extraHosts).plus(more);
  }

  /** The options every verification of this host starts from. */
  public VerifyOptions verifyOptions() {
    return VerifyOptions.builder().timeout(verificationTimeout).parallelism(parallelism).build();
  }
}
