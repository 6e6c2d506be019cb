package dev.plugboard.host.internal.settings;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Http;
import dev.plugboard.host.HostResolver;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What an embedding application or the CLI chose when building a host. Its own package, read by
 * the wiring and by the engine alike, so that neither depends on the other for it.
 *
 * @param pluginsDir the folder plugin jars are loaded from
 * @param home the folder connections and the key are kept in
 * @param extraHosts hosts added to every connector's allow-list, for local testing
 * @param verificationTimeout the deadline of a whole verification
 * @param parallelism how many calls a verification may have out at once; 0 for no limit
 * @param resolver turns host names taken from the user's values into addresses, which are checked
 *     to be public and pinned for the run
 */
public record HostSettings(
    Path pluginsDir, Path home, List<ExtraHost> extraHosts, Duration verificationTimeout, int parallelism,
    HostResolver resolver) {

  /** How long a whole verification may take unless the host is told otherwise. */
  public static final Duration DEFAULT_VERIFICATION_TIMEOUT = Duration.ofSeconds(30);

  public HostSettings {
    Objects.requireNonNull(pluginsDir, "pluginsDir == null");
    Objects.requireNonNull(home, "home == null");
    extraHosts = List.copyOf(extraHosts);
    Objects.requireNonNull(verificationTimeout, "verificationTimeout == null");
    Objects.requireNonNull(resolver, "resolver == null");
  }

  /** Settings that resolve names with the system's resolver. */
  public HostSettings(Path pluginsDir, Path home, List<ExtraHost> extraHosts, Duration verificationTimeout,
      int parallelism) {
    this(pluginsDir, home, extraHosts, verificationTimeout, parallelism, HostResolver.SYSTEM);
  }

  /** Settings with the default verification deadline (30 s) and no limit on parallel calls. */
  public HostSettings(Path pluginsDir, Path home, List<ExtraHost> extraHosts) {
    this(pluginsDir, home, extraHosts, DEFAULT_VERIFICATION_TIMEOUT, 0);
  }

  /**
   * Where a connector's credentials may go: its own hosts, the hosts added for testing, and
   * {@code more} (a running sandbox's). The format phase and the HTTP client both ask here.
   */
  public AllowedHosts allowedHosts(ConnectorDescriptor descriptor, Collection<ExtraHost> more) {
    List<String> literal = descriptor.http().allowedHosts().stream().filter(host -> !Http.fromValues(host)).toList();
    return AllowedHosts.of(literal, extraHosts).plus(more);
  }
}
