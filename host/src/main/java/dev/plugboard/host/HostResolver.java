package dev.plugboard.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into its addresses. Plugboard resolves a host the user typed (a merchant's own
 * domain) once, refuses it when any address is inside the user's own network, and sends every
 * call of that verification to the addresses it checked. Tests and applications with their own
 * name service give their own.
 *
 * <pre>{@code
 * Plugboard plugboard = Plugboard.builder()
 *     .pluginsDir(pluginsDir)
 *     .resolver(host -> List.of(InetAddress.getByName("203.0.113.7")))   // every name to one address
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface HostResolver {

  /** The system's resolver ({@link InetAddress#getAllByName(String)}). */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * The addresses of {@code host}.
   *
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
