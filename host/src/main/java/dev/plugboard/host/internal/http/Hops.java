package dev.plugboard.host.internal.http;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * The requests one attempt of a call actually sent, redirects included, as a request tag: how
 * many, and where the last one went. As a network interceptor it ends an attempt that is
 * redirected more than {@link #MAX_REDIRECTS} times, so that a redirect loop costs a handful of
 * requests, not hundreds.
 */
final class Hops {

  /** Redirects followed within one attempt; an API that moves further than this is misconfigured. */
  static final int MAX_REDIRECTS = 5;

  private int sent;
  private HttpUrl last;

  /** The interceptor that counts every attempt's hops through its tag. */
  static final Interceptor COUNTER = chain -> {
    Request request = chain.request();
    Hops hops = request.tag(Hops.class);
    if (hops == null) {
      return chain.proceed(request);
    }
    synchronized (hops) {
      if (hops.sent > MAX_REDIRECTS) {
        throw new TooManyRedirects(ApiSession.hostOf(request.url()));
      }
      hops.sent++;
      hops.last = request.url();
    }
    return chain.proceed(request);
  };

  /**
   * Notes where each hop is about to connect: a hop whose connection fails never reaches a
   * network interceptor, and must still be named as the host that failed.
   */
  static final EventListener WHERE = new EventListener() {
    @Override
    public void proxySelectStart(Call call, HttpUrl url) {
      Hops hops = call.request().tag(Hops.class);
      if (hops != null) {
        synchronized (hops) {
          hops.last = url;
        }
      }
    }
  };

  /** Where the last request went, or {@code fallback} when none was sent. */
  synchronized HttpUrl lastOr(HttpUrl fallback) {
    return last == null ? fallback : last;
  }

  /** A redirect loop, or an API moving further than any should. */
  static final class TooManyRedirects extends IOException {
    TooManyRedirects(String host) {
      super("redirected more than " + MAX_REDIRECTS + " times, the last time to " + host
          + " (a redirect loop, or an address that has moved)");
    }
  }
}
