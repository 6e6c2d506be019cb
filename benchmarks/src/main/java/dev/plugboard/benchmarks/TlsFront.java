package dev.plugboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A TLS stand-in in front of the plain-http sandbox: a certificate for {@code localhost} made at
 * run time, TLS 1.3 (the JDK's default), HTTP/1.1 or HTTP/2 as asked; every request is passed to
 * the sandbox and its answer (status, headers, body) passed back.
 */
final class TlsFront implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
      "keep-alive");

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient passOn = new OkHttpClient();
  private final HandshakeCertificates clientTrust;

  TlsFront(HttpUrl sandbox, boolean http2) {
    HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    this.clientTrust = new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build();
    server.useHttps(serverCertificates.sslSocketFactory());
    server.setProtocols(http2 ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          return passOn(sandbox, request);
        } catch (IOException e) {
          return new MockResponse.Builder().code(502).build(); // the sandbox went away: the run fails, saying so
        }
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  /** A client of the host's that trusts this front's certificate. */
  OkHttpClient trusting(OkHttpClient client) {
    return client.newBuilder().sslSocketFactory(clientTrust.sslSocketFactory(), clientTrust.trustManager()).build();
  }

  private MockResponse passOn(HttpUrl sandbox, RecordedRequest request) throws IOException {
    HttpUrl url = sandbox.resolve(request.getTarget());
    Headers.Builder headers = new Headers.Builder();
    request.getHeaders().forEach(header -> {
      if (!HOP_BY_HOP.contains(header.getFirst().toLowerCase()) && !header.getFirst().startsWith(":")) {
        headers.add(header.getFirst(), header.getSecond());
      }
    });
    String method = request.getMethod();
    RequestBody body = Set.of("POST", "PUT", "PATCH").contains(method) ? RequestBody.create(new byte[0]) : null;
    try (Response response = passOn.newCall(new Request.Builder().url(url).method(method, body)
        .headers(headers.build()).build()).execute()) {
      MockResponse.Builder answer = new MockResponse.Builder().code(response.code());
      response.headers().forEach(header -> {
        if (!HOP_BY_HOP.contains(header.getFirst().toLowerCase())) {
          answer.addHeader(header.getFirst(), header.getSecond());
        }
      });
      return answer.body(response.body().string()).build();
    }
  }

  @Override
  public void close() {
    server.close();
    passOn.dispatcher().executorService().shutdown();
    passOn.connectionPool().evictAll();
  }
}
