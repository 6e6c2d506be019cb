package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's client: TLS made only for https addresses, one pool and one set of threads for both. */
final class SharedHttpClientTest {

  @StartStop private final MockWebServer server = new MockWebServer();
  private final SharedHttpClient shared = new SharedHttpClient();

  @AfterEach
  void close() {
    shared.close();
  }

  @Test
  void aPlainHttpAddressIsCalledWithoutMakingTlsAndARedirectToHttpsIsNotFollowed() throws IOException {
    HttpUrl base = server.url("/api/");
    server.enqueue(new MockResponse.Builder().code(301)
        .addHeader("Location", "https://" + base.host() + ":" + base.port() + "/api/").build());

    OkHttpClient client = shared.forBase(base);

    try (Response response = client.newCall(new Request.Builder().url(base).build()).execute()) {
      assertThat(response.code()).isEqualTo(301);
    }
    assertThat(client.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    assertThatThrownBy(client::sslSocketFactory).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anHttpsAddressGetsTlsOverTheSamePoolAndThreads() {
    OkHttpClient plain = shared.forBase(server.url("/"));

    OkHttpClient tls = shared.forBase(HttpUrl.get("https://api.example.com/v3/"));

    assertThat(tls.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    assertThat(tls.sslSocketFactory()).isNotNull();
    assertThat(tls.connectionPool()).isSameAs(plain.connectionPool());
    assertThat(tls.dispatcher()).isSameAs(plain.dispatcher());
    assertThat(tls.networkInterceptors()).hasSameSizeAs(plain.networkInterceptors());
    assertThat(shared.forBase(HttpUrl.get("https://other.example.com/"))).isSameAs(tls);
  }

  @Test
  void aClosedHostMakesNoClient() {
    shared.close();

    assertThatThrownBy(() -> shared.forBase(server.url("/")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the host is closed");
  }
}
