package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

final class HttpClientsTest {

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void theHostsClientSendsEachRequestWithoutWaitingForAnAcknowledgement() throws IOException {
    server.enqueue(new MockResponse.Builder().code(200).build());
    List<Boolean> noDelay = new CopyOnWriteArrayList<>();
    OkHttpClient shared = HttpClients.create();
    OkHttpClient client = shared.newBuilder().eventListener(new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        try {
          noDelay.add(connection.socket().getTcpNoDelay());
        } catch (SocketException e) {
          throw new IllegalStateException(e);
        }
      }
    }).build();
    try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    } finally {
      HttpClients.close(shared);
    }
    assertThat(noDelay).containsExactly(true);
  }
}
