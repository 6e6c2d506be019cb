package dev.plugboard.host.internal.http;

import okhttp3.OkHttpClient;

/**
 * The host's one HTTP client, made when first needed (a command that only describes never pays
 * for it) and released when the host closes.
 */
public final class SharedHttpClient implements AutoCloseable {

  private OkHttpClient client;
  private boolean closed;

  public synchronized OkHttpClient get() {
    if (closed) {
      throw new IllegalStateException("the host is closed; build a new Plugboard");
    }
    if (client == null) {
      client = HttpClients.create();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      HttpClients.close(client);
    }
  }
}
