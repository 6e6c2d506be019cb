package dev.plugboard.host.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * Holds one verification's calls to an https address until the first of them has a connection.
 * Whether a server speaks HTTP/2 is known only once a TLS handshake has negotiated it (ALPN), and
 * OkHttp, not knowing, opens a connection for every call that starts meanwhile and keeps one of
 * them afterwards: fourteen handshakes where one would do. So the first call connects alone and
 * the others follow as soon as its connection is up: over HTTP/2 they share it, over HTTP/1.1
 * they open their own in parallel, as before. Plain http is never held (OkHttp speaks HTTP/2 only
 * over TLS), and a call that finds a pooled connection releases the others at once.
 */
final class FirstConnection {

  /** Tells the first call's holder when OkHttp gives that call a connection. */
  static final EventListener EVENTS = new EventListener() {
    @Override
    public void connectionAcquired(Call call, Connection connection) {
      FirstConnection first = call.request().tag(FirstConnection.class);
      if (first != null) {
        first.up();
      }
    }
  };

  private final AtomicBoolean claimed;
  private final CompletableFuture<Void> up = new CompletableFuture<>();

  /** @param holds false for an address whose calls need not wait for one another (plain http) */
  FirstConnection(boolean holds) {
    this.claimed = new AtomicBoolean(!holds);
    if (!holds) {
      up.complete(null);
    }
  }

  /** True once, for the call that is to connect first; it must carry this as its request tag. */
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
}
