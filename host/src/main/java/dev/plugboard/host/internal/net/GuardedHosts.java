package dev.plugboard.host.internal.net;

import dev.plugboard.host.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dns;

/**
 * The hosts a run takes from the user's values, resolved once before anything is sent, each
 * address checked to be public, and pinned: every call of the run goes to the addresses checked,
 * so a second resolution cannot move it into the user's own network. Any other host the run meets
 * (a redirect) is checked the same way before a connection is opened.
 */
public final class GuardedHosts implements Dns {

  /** A name that does not answer in this time is left to the call, which reports it unreachable. */
  private static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);
  private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "plugboard-resolve");
    thread.setDaemon(true);
    return thread;
  });

  private final HostResolver resolver;
  private final Map<String, List<InetAddress>> pinned;
  private final boolean guardOthers;

  private GuardedHosts(HostResolver resolver, Map<String, List<InetAddress>> pinned, boolean guardOthers) {
    this.resolver = resolver;
    this.pinned = pinned;
    this.guardOthers = guardOthers;
  }

  /**
   * A host refused after resolution.
   *
   * @param host the host
   * @param fieldId the field it came from
   * @param reason why, as a phrase following the host ({@code resolves to 127.0.0.1, a loopback address ...})
   */
  public record Refusal(String host, String fieldId, String reason) {}

  /** A run with no host taken from the values: names resolve as usual. */
  public static GuardedHosts none(HostResolver resolver) {
    return new GuardedHosts(resolver, Map.of(), false);
  }

  /**
   * Resolves {@code guarded} (host to the field it came from) within {@code limit}.
   *
   * @return the pinned hosts, or why one is refused
   */
  public static Result resolve(Map<String, String> guarded, HostResolver resolver, Duration limit) {
    Map<String, List<InetAddress>> pinned = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : guarded.entrySet()) {
      String host = entry.getKey();
      Optional<List<InetAddress>> addresses = lookUp(resolver, host, limit);
      if (addresses.isEmpty()) {
        continue; // unknown or slow: the call reports it as unreachable
      }
      Optional<String> refusal = refusal(addresses.get());
      if (refusal.isPresent()) {
        return new Result(Optional.empty(), Optional.of(new Refusal(host, entry.getValue(), refusal.get())));
      }
      pinned.put(host, addresses.get());
    }
    return new Result(Optional.of(new GuardedHosts(resolver, pinned, !guarded.isEmpty())), Optional.empty());
  }

  /**
   * What resolving gave.
   *
   * @param hosts the pinned hosts, to resolve the run's calls with
   * @param refused the first host refused
   */
  public record Result(Optional<GuardedHosts> hosts, Optional<Refusal> refused) {}

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> known = pinned.get(hostname.toLowerCase(java.util.Locale.ROOT));
    if (known != null) {
      return known;
    }
    List<InetAddress> addresses = resolver.resolve(hostname);
    if (guardOthers) {
      Optional<String> refusal = refusal(addresses);
      if (refusal.isPresent()) {
        throw new PrivateAddressException(hostname + " " + refusal.get());
      }
    }
    return addresses;
  }

  /** Why these addresses may not be sent to, or empty when every one is public. */
  private static Optional<String> refusal(List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      Optional<String> kind = PublicAddresses.privateKind(address);
      if (kind.isPresent()) {
        return Optional.of("resolves to " + address.getHostAddress() + ", a " + kind.get()
            + " address inside your own network, so Plugboard sends nothing there");
      }
    }
    return Optional.empty();
  }

  private static Optional<List<InetAddress>> lookUp(HostResolver resolver, String host, Duration limit) {
    Future<List<InetAddress>> lookup = LOOKUPS.submit(() -> resolver.resolve(host));
    try {
      List<InetAddress> addresses = lookup.get(Math.min(limit.toMillis(), LOOKUP_LIMIT.toMillis()), TimeUnit.MILLISECONDS);
      return addresses == null || addresses.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(addresses));
    } catch (ExecutionException | TimeoutException unknown) {
      lookup.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A name that resolves into the user's own network: refused before a connection is opened. */
  public static final class PrivateAddressException extends UnknownHostException {
    PrivateAddressException(String message) {
      super(message);
    }
  }
}
