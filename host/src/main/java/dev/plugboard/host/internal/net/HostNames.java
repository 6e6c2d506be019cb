package dev.plugboard.host.internal.net;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a host taken from the user's values must be before anything is sent to it: a public DNS
 * name. An address written as a number (in any of the spellings resolvers accept: dotted,
 * decimal, octal, hexadecimal, IPv6), {@code localhost}, a name without a dot and the special-use
 * names of private networks could all reach a machine inside the user's own network.
 */
public final class HostNames {

  /** Names reserved for machines of one's own network (RFC 6761, 6762, 8375; ICANN's .internal). */
  private static final List<String> PRIVATE_SUFFIXES = List.of(".localhost", ".local", ".internal", ".home.arpa",
      ".lan", ".localdomain");

  private HostNames() {}

  /**
   * Why {@code host} may not be sent to as given, or empty when it is a public DNS name.
   *
   * @param host lowercase, IPv6 without brackets
   * @return a phrase that follows the field's label ({@code names the IP address ...})
   */
  public static Optional<String> refusal(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.contains(":") || endsInNumber(name)) {
      return Optional.of("names the IP address " + host + " instead of a host name: an address given as a number may"
          + " be inside your own network, so Plugboard sends nothing there; give the site's host name");
    }
    if (name.equals("localhost") || PRIVATE_SUFFIXES.stream().anyMatch(name::endsWith)) {
      return Optional.of("names " + host + ", a name for machines of your own network; Plugboard sends credentials"
          + " only to public sites");
    }
    if (!name.contains(".") || name.endsWith(".")) {
      return Optional.of("names " + host + ", which is not a full host name (such as shop.example.com)");
    }
    return Optional.empty();
  }

  /**
   * Whether resolvers would read the name as an IPv4 address: its last label is a number, in
   * decimal, octal or hexadecimal ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}), as
   * the WHATWG URL standard reads it.
   */
  static boolean endsInNumber(String name) {
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return last.startsWith("0x") && last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
