package dev.plugboard.host.internal.http;

import java.util.Locale;

/**
 * A host added to a connector's allow-list for local testing ({@code --allow-host HOST[:PORT]},
 * {@code PLUGBOARD_ALLOW_HOSTS}).
 *
 * @param host lowercase host name or IP address (IPv6 without brackets)
 * @param port the only port allowed, or {@code -1} for any
 */
public record ExtraHost(String host, int port) {

  public ExtraHost {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (port < -1 || port == 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535: " + port);
    }
  }

  /**
   * Reads {@code HOST}, {@code HOST:PORT}, {@code [IPv6]} or {@code [IPv6]:PORT}.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  public static ExtraHost parse(String text) {
    String value = text == null ? "" : text.trim();
    String host;
    String port = null;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("allowed host " + text + " has [ without ]; write [::1]:8080");
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("allowed host " + text + " must be HOST or HOST:PORT");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = value.indexOf(':');
      if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException("allowed host " + text + ": put an IPv6 address in brackets, as [::1]:8080");
      }
      host = colon < 0 ? value : value.substring(0, colon);
      port = colon < 0 ? null : value.substring(colon + 1);
    }
    if (host.isEmpty() || host.contains("/") || host.contains("@") || host.contains(" ")) {
      throw new IllegalArgumentException("allowed host " + text + " must be HOST or HOST:PORT, such as 127.0.0.1:8080");
    }
    try {
      return new ExtraHost(host, port == null ? -1 : Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("allowed host " + text + " has a port that is not a number: " + port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("allowed host " + text + ": " + e.getMessage());
    }
  }

  /** Whether this is the local machine: {@code localhost}, {@code 127.x.x.x} or {@code ::1}. */
  public boolean loopback() {
    return isLoopback(host);
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  @Override
  public String toString() {
    String name = host.contains(":") ? "[" + host + "]" : host;
    return port == -1 ? name : name + ":" + port;
  }
}
