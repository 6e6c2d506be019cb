package dev.plugboard.host.internal.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/** Whether an address is on the public internet, or inside the user's own network (and which part of it). */
public final class PublicAddresses {

  private PublicAddresses() {}

  /** What kind of private address {@code address} is, or empty when it is public. */
  public static Optional<String> privateKind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return Optional.of("unspecified");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("loopback");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("link-local, where cloud metadata services answer");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("private");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("multicast");
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0) {
        return Optional.of("unspecified");
      }
      if (first == 100 && second >= 64 && second < 128) {
        return Optional.of("shared (carrier-grade NAT)");
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return Optional.of("benchmarking");
      }
      if (first >= 240) {
        return Optional.of("reserved");
      }
    } else if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return Optional.of("unique-local");
      }
      if (isMappedOrCompatible(bytes)) {
        try {
          byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
          return privateKind(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException impossible) {
          return Optional.of("reserved");
        }
      }
    }
    return Optional.empty();
  }

  /** {@code ::ffff:a.b.c.d} and {@code ::a.b.c.d}: an IPv4 address inside an IPv6 one. */
  private static boolean isMappedOrCompatible(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
  }
}
