package dev.plugboard.host.internal.form;

import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.net.HostNames;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an address a user gives strictly, before anything is sent to it: https (or plain http to
 * a loopback host added for testing), a host on the allow-list written in ASCII, no user
 * information, query or fragment, no port other than the allowed one.
 */
final class UrlCheck {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final AllowedHosts hosts;

  UrlCheck(AllowedHosts hosts) {
    this.hosts = hosts;
  }

  /** What came of reading an address. */
  sealed interface Result permits Accepted, Refused {}

  /**
   * An address credentials may go to.
   *
   * @param value the address with its scheme and host in lowercase and a default port left out
   * @param path the path as written (still percent-encoded), which the field's pattern is matched against
   * @param parts {@code origin}, {@code scheme}, {@code host} (IPv6 without brackets) and {@code port}
   */
  record Accepted(String value, String path, Map<String, String> parts) implements Result {}

  /**
   * An address refused.
   *
   * @param reason why, as a phrase that follows the field's label ({@code must start with https://})
   * @param destination the host (and port) requests would have gone to, or empty when it is unclear
   */
  record Refused(String reason, String destination) implements Result {}

  /**
   * Reads {@code address}; {@code hostFromValue} when the connector sends to whatever host the
   * address names (a merchant's own domain), which must then be a public host name on https's
   * default port, unless it is a host added for testing.
   */
  Result check(String address, boolean hostFromValue) {
    return check(address, hostFromValue, false);
  }

  /**
   * As {@link #check(String, boolean)}; {@code keepsPathOnly} when the field keeps only parts of
   * the address (a {@code canonical} value), so that a pasted page address with a query or a
   * fragment is read for its path rather than refused.
   */
  Result check(String address, boolean hostFromValue, boolean keepsPathOnly) {
    Optional<Refused> lookAlike = nonAsciiHost(address);
    if (lookAlike.isPresent()) {
      return lookAlike.get();
    }
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      return new Refused("is not a valid address (" + e.getReason().toLowerCase(Locale.ROOT) + " at character "
          + (e.getIndex() + 1) + ")", "");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
      return new Refused("must start with https://", "");
    }
    if (uri.getRawAuthority() == null || uri.getHost() == null) {
      return new Refused("has no valid host name after " + scheme + "://", "");
    }
    String hostText = uri.getHost().toLowerCase(Locale.ROOT);
    String host = hostText.startsWith("[") ? hostText.substring(1, hostText.length() - 1) : hostText;
    String destination = uri.getPort() == -1 ? hostText : hostText + ":" + uri.getPort();
    if (uri.getRawUserInfo() != null) {
      return new Refused("holds user information before an @, so requests would go to " + destination
          + " whatever comes before the @", destination);
    }
    if (uri.getRawQuery() != null && !keepsPathOnly) {
      return new Refused("must not hold a query (the part from ?); remove it", "");
    }
    if (uri.getRawFragment() != null && !keepsPathOnly) {
      return new Refused("must not hold a fragment (the part from #); remove it", "");
    }
    if (!uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(destination)) {
      return new Refused("has an empty or zero-padded port; write the address without it", "");
    }
    Optional<String> refusal = hostFromValue && !hosts.isExtra(host)
        ? ownHostRefusal(scheme, host, uri.getPort())
        : hosts.refusal(scheme, host, uri.getPort()).map(reason -> kindOf(host) + reason);
    if (refusal.isPresent()) {
      return new Refused(refusal.get(), destination);
    }
    return accepted(scheme, hostText, host, uri.getPort(), uri.getRawPath());
  }

  /** A merchant's own host: a public name, over https, on the default port. */
  private static Optional<String> ownHostRefusal(String scheme, String host, int port) {
    Optional<String> name = HostNames.refusal(host);
    if (name.isPresent()) {
      return name;
    }
    if (!scheme.equals("https")) {
      return Optional.of("must start with https://: over plain http the credentials would travel unencrypted");
    }
    if (port != -1 && port != 443) {
      return Optional.of("names port " + port + "; only the default https port (443) is allowed");
    }
    return Optional.empty();
  }

  private static Accepted accepted(String scheme, String hostText, String host, int port, String path) {
    int defaultPort = scheme.equals("https") ? 443 : 80;
    boolean explicitPort = port != -1 && port != defaultPort;
    String origin = scheme + "://" + hostText + (explicitPort ? ":" + port : "");
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("origin", origin);
    parts.put("scheme", scheme);
    parts.put("host", host);
    parts.put("port", String.valueOf(port == -1 ? defaultPort : port));
    return new Accepted(origin + path, path, parts);
  }

  /** IP addresses and punycode names are how look-alike destinations hide; say so when they are refused. */
  private static String kindOf(String host) {
    if (IPV4.matcher(host).matches() || host.contains(":")) {
      return "names the IP address " + host + " instead of a host name: ";
    }
    if (host.startsWith("xn--") || host.contains(".xn--")) {
      return "names " + host + ", an internationalised host name that can imitate another: ";
    }
    return "is refused: ";
  }

  /** Letters from other scripts that look like ASCII ones ({@code аpi} with a Cyrillic а) are refused by name. */
  private static Optional<Refused> nonAsciiHost(String address) {
    int start = address.indexOf("://");
    if (start < 0) {
      return Optional.empty();
    }
    int end = start + 3;
    while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) {
      end++;
    }
    String authority = address.substring(start + 3, end);
    int index = 0;
    while (index < authority.length()) {
      int codePoint = authority.codePointAt(index);
      if (codePoint > 0x7f) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort;
        return Optional.of(new Refused("holds " + Characters.describe(codePoint) + " in its host name, a letter that"
            + " can imitate an ASCII one; type the address again", punycode(host)));
      }
      index += Character.charCount(codePoint);
    }
    return Optional.empty();
  }

  /** The name a look-alike host really resolves as, such as {@code xn--pi-6kc.example.com}. */
  private static String punycode(String host) {
    try {
      return IDN.toASCII(host).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
