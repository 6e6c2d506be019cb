package dev.plugboard.host.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a connector's credentials may go: https to a host the descriptor allows (on the default
 * port), or a host added for local testing, where plain http is allowed for loopback addresses
 * only. The format phase checks addresses the user gives against it, and the HTTP client checks
 * every request before it attaches a credential.
 */
public final class AllowedHosts {

  private final List<String> descriptorHosts;
  private final List<ExtraHost> extraHosts;

  private AllowedHosts(List<String> descriptorHosts, List<ExtraHost> extraHosts) {
    this.descriptorHosts = List.copyOf(descriptorHosts);
    this.extraHosts = List.copyOf(extraHosts);
  }

  public static AllowedHosts of(Collection<String> descriptorHosts, Collection<ExtraHost> extraHosts) {
    List<String> hosts = new ArrayList<>();
    descriptorHosts.forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
    return new AllowedHosts(hosts, new ArrayList<>(extraHosts));
  }

  /** This allow-list with {@code more} hosts added (the sandbox's address, for one run). */
  public AllowedHosts plus(Collection<ExtraHost> more) {
    List<ExtraHost> all = new ArrayList<>(extraHosts);
    all.addAll(more);
    return new AllowedHosts(descriptorHosts, all);
  }

  /**
   * Why a credential must not go to {@code scheme://host:port}, or empty when it may.
   *
   * @param port the port, or {@code -1} for the scheme's default
   */
  public Optional<String> refusal(String scheme, String host, int port) {
    String normalisedScheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    String normalisedHost = host == null ? "" : host.toLowerCase(Locale.ROOT);
    Optional<ExtraHost> extra = extraHosts.stream()
        .filter(e -> e.host().equals(normalisedHost) && (e.port() == -1 || e.port() == effectivePort(normalisedScheme, port)))
        .findFirst();
    if (extra.isPresent()) {
      if (normalisedScheme.equals("https") || (normalisedScheme.equals("http") && extra.get().loopback())) {
        return Optional.empty();
      }
      return Optional.of("plain http is allowed for loopback addresses only (" + host + " is not one); use https");
    }
    if (!descriptorHosts.contains(normalisedHost)) {
      return Optional.of(host + " is not an allowed host (allowed: " + describe() + ")");
    }
    if (!normalisedScheme.equals("https")) {
      return Optional.of(scheme + "://" + host + " is refused: credentials travel over https only");
    }
    if (port != -1 && port != 443) {
      return Optional.of("port " + port + " is refused for " + host + ": only the default https port is allowed");
    }
    return Optional.empty();
  }

  /** Whether {@code host} was added for testing ({@code --allow-host}), at any port. */
  public boolean isExtra(String host) {
    String normalised = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return extraHosts.stream().anyMatch(extra -> extra.host().equals(normalised));
  }

  /** The allowed hosts, for messages: {@code api.shop.example, 127.0.0.1:4010 (for testing)}. */
  public String describe() {
    List<String> names = new ArrayList<>(descriptorHosts);
    extraHosts.forEach(extra -> names.add(extra + " (for testing)"));
    return String.join(", ", names);
  }

  public List<String> descriptorHosts() {
    return descriptorHosts;
  }

  public List<ExtraHost> extraHosts() {
    return extraHosts;
  }

  private static int effectivePort(String scheme, int port) {
    if (port != -1) {
      return port;
    }
    return scheme.equals("http") ? 80 : 443;
  }
}
