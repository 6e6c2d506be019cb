package dev.plugboard.host.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.HttpUrl;

/**
 * Holds one verification's calls to an https origin known to speak HTTP/2 until the first of them
 * has a connection, as browsers do. OkHttp, not knowing whether a connection under way will be
 * multiplexed, opens one for every call that starts meanwhile and keeps one of them afterwards:
 * fourteen handshakes where one would do. So to an origin this process has seen negotiate HTTP/2
 * ({@link MultiplexedOrigins}, learnt from every connection a call acquires) the first call
 * connects alone and the others share its connection once it is up. To any other origin (first
 * contact, or last seen speaking HTTP/1.1) every call goes at once and opens its own connection if
 * it needs one: holding them there would pay connection setup twice over HTTP/1.1, and an HTTP/2
 * server met for the first time costs spare handshakes once (OkHttp then keeps one connection).
 * Plain http is never held (OkHttp speaks HTTP/2 only over TLS), and a first call that finds a
 * pooled connection releases the others at once.
 */
final class FirstConnection {

  /** Tells each call's holder (its request tag) which connection OkHttp gave it. */
  static final EventListener EVENTS = new EventListener() {
    @Override
    public void connectionAcquired(Call call, Connection connection) {
      FirstConnection first = call.request().tag(FirstConnection.class);
      if (first != null) {
        first.acquired(connection);
      }
    }
  };

  private final HttpUrl base;
  private final MultiplexedOrigins known;
  private final AtomicBoolean claimed;
  private final CompletableFuture<Void> up = new CompletableFuture<>();

  /** For calls to {@code base}'s origin, held while it is https and {@code known} as multiplexed. */
  FirstConnection(HttpUrl base, MultiplexedOrigins known) {
    this.base = base;
    this.known = known;
    boolean holds = base.isHttps() && known.multiplexed(base);
    this.claimed = new AtomicBoolean(!holds);
    if (!holds) {
      up.complete(null);
    }
  }

  /** True once, for the call that is to connect first when the calls are held. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  /**
   * Runs {@code send} once the first call has its connection, or has ended without one (its
   * failure is its own; the others then try for themselves), on the thread that saw it.
   */
  void whenUp(Runnable send) {
    up.thenRun(send);
  }

  /** The first call has its connection, or has ended: the others may go. */
  void up() {
    up.complete(null);
  }

  /**
   * A call was given {@code connection}: the others may go, and the protocol is remembered when
   * the connection is to the verification's own https origin. One to another (a redirect's hop, or
   * an HTTP/2 connection OkHttp shares between hosts) teaches nothing, so that a server's
   * redirects cannot fill the memory with origins nobody verifies.
   */
  private void acquired(Connection connection) {
    HttpUrl origin = connection.route().address().url();
    if (base.isHttps() && MultiplexedOrigins.sameOrigin(origin, base)) {
      known.saw(base, connection.protocol());
    }
    up();
  }
}
