package dev.plugboard.host.internal.http;

import dev.plugboard.host.internal.net.GuardedHosts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Sorts a failed call: the host cannot be reached at all (trying again will not help: wrong
 * address, nothing listening, TLS refused), the answer did not come in time, or the connection
 * dropped (worth another attempt). Reasons name the host, never a header or a body.
 */
final class Failures {

  private Failures() {}

  enum Kind {
    /** Unknown host, connection refused, no route, TLS failure: the user must fix the address or the network. */
    UNREACHABLE,
    /** No answer within the read or call timeout. */
    TIMEOUT,
    /** The connection was reset or closed before the answer: try again. */
    DROPPED
  }

  /**
   * Why a call failed.
   *
   * @param kind what sort of failure
   * @param reason in words, naming the host
   */
  record Failure(Kind kind, String reason) {}

  static Failure classify(IOException e, String host) {
    if (e instanceof Hops.TooManyRedirects) {
      return new Failure(Kind.UNREACHABLE, e.getMessage());
    }
    if (e instanceof GuardedHosts.PrivateAddressException) {
      return new Failure(Kind.UNREACHABLE, e.getMessage());
    }
    if (e instanceof UnknownHostException) {
      return new Failure(Kind.UNREACHABLE, "unknown host " + host + " (the name does not resolve)");
    }
    if (e instanceof NoRouteToHostException) {
      return new Failure(Kind.UNREACHABLE, "no route to " + host);
    }
    if (e instanceof ConnectException) {
      return new Failure(Kind.UNREACHABLE, "connection refused by " + host + " (nothing listens there)");
    }
    if (e instanceof SSLException) {
      return new Failure(Kind.UNREACHABLE, "TLS handshake with " + host + " failed (" + e.getClass().getSimpleName()
          + "); check that the address is right and speaks https");
    }
    if (e instanceof InterruptedIOException) {
      return new Failure(Kind.TIMEOUT, "no answer from " + host + " in time");
    }
    return new Failure(Kind.DROPPED, "the connection to " + host + " was dropped before the answer ("
        + e.getClass().getSimpleName() + ")");
  }
}
