package dev.plugboard.host.internal.http;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The host's one HTTP client, made when first needed (a command that only describes never pays
 * for it) and released when the host closes. Its TLS part too is made only when a call goes to
 * an https address: calls to plain http (a local sandbox) never load a trust store. Both share
 * one connection pool and one dispatcher.
 */
public final class SharedHttpClient implements AutoCloseable {

  private OkHttpClient cleartext;
  private OkHttpClient tls;
  private boolean closed;

  /** The client for calls to {@code base} and below. */
  public synchronized OkHttpClient forBase(HttpUrl base) {
    if (closed) {
      throw new IllegalStateException("the host is closed; build a new Plugboard");
    }
    if (cleartext == null) {
      cleartext = HttpClients.cleartext();
    }
    if (!base.isHttps()) {
      return cleartext;
    }
    if (tls == null) {
      tls = HttpClients.withTls(cleartext);
    }
    return tls;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (cleartext != null) {
      HttpClients.close(cleartext); // the TLS client shares its pool and threads
    }
  }
}
