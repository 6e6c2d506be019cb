package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connector whose calls go to the host the user typed ({@code allowedHosts: ['{store_url.host}']}):
 * every address inside the user's own network, in every spelling, is refused before anything is
 * sent (exit 2), through the real command line. A listener on loopback port 443 (where an https
 * address without a port would connect) counts every connection that reaches it. No test uses
 * real DNS: the literal spellings need none, and the name that resolves to loopback is given its
 * address by the test's resolver.
 */
final class HostFromValuesGuardTest {

  private static final String KEY = "ck_canary0key0value0aa";
  private static final String SECRET = "cs_canary0secret0value0bb";

  @TempDir Path plugins;
  @TempDir Path home;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<ServerSocket> listeners = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void installTheConnectorAndListenWhereARefusedAddressWouldConnect() {
    TestPluginJar.plugin("ownstore").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.ownDomainStore()).writeTo(plugins);
    listen(InetAddress.getLoopbackAddress());
    try {
      listen(InetAddress.getByName("::1"));
    } catch (IOException noIpv6) {
      // a machine without IPv6 loopback cannot be reached at [::1] at all
    }
  }

  /** Port 443 when this test may bind it (as root); else an ephemeral port, and the server's own count shows nothing was sent. */
  private void listen(InetAddress address) {
    ServerSocket socket;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, 443));
    } catch (IOException cannotBind) {
      return;
    }
    listeners.add(socket);
    Thread accepter = new Thread(() -> {
      while (!socket.isClosed()) {
        try (Socket accepted = socket.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }, "port-443-listener");
    accepter.setDaemon(true);
    accepter.start();
  }

  @AfterEach
  void stopListening() throws IOException {
    for (ServerSocket listener : listeners) {
      listener.close();
    }
  }

  private CliRun.Result verify(String storeUrl, String... globalOptions) {
    List<String> args = new ArrayList<>(List.of("--plugins-dir", plugins.toString(), "--home", home.toString()));
    args.addAll(List.of(globalOptions));
    args.addAll(List.of("verify", "ownstore"));
    return CliRun.args(args.toArray(String[]::new))
        .env("PLUGBOARD_OWNSTORE_STORE_URL", storeUrl)
        .env("PLUGBOARD_OWNSTORE_CONSUMER_KEY", KEY)
        .env("PLUGBOARD_OWNSTORE_CONSUMER_SECRET", SECRET)
        .run();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "https://127.0.0.1/", "https://127.1.2.3/shop", "https://10.0.0.7/", "https://172.16.0.1/", "https://172.31.255.254/",
      "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[fc00::1]/",
      "https://[fd12:3456::1]/", "https://0.0.0.0/", "https://2130706433/", "https://0177.0.0.1/", "https://0x7f.1/",
      "https://[::ffff:127.0.0.1]/", "https://localhost/", "https://shop.localhost/", "https://printer.local/"})
  void anAddressInsideTheUsersOwnNetworkIsInvalidInWordsAndNothingIsSent(String storeUrl) {
    CliRun.Result result = verify(storeUrl);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.all()).contains("Store URL").containsAnyOf("own network", "IP address", "not a full host name", "no valid host name")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(result.all()).doesNotContain(SECRET).doesNotContain(KEY);
    assertThat(connections).as("connections to port 443 on loopback").hasValue(0);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theJsonReportOfARefusedAddressIsInvalidWithTheFieldsReason() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(),
            "verify", "ownstore", "--json")
        .env("PLUGBOARD_OWNSTORE_STORE_URL", "https://169.254.169.254/")
        .env("PLUGBOARD_OWNSTORE_CONSUMER_KEY", KEY)
        .env("PLUGBOARD_OWNSTORE_CONSUMER_SECRET", SECRET)
        .run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.out()).contains("\"status\" : \"invalid\"").contains("169.254.169.254").doesNotContain(SECRET);
    assertThat(connections).hasValue(0);
  }

  @Test
  void aPublicLookingNameThatResolvesToLoopbackIsRefusedAfterResolutionAndNothingIsSent() {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home)
        .resolver(host -> List.of(InetAddress.getLoopbackAddress())).build()) {
      VerificationReport report = plugboard.verify("ownstore",
          Map.of("store_url", "https://shop.example.com/", "consumer_key", KEY, "consumer_secret", SECRET));

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INVALID);
      FieldCheck storeUrl = report.fields().get(0);
      assertThat(storeUrl.status()).isEqualTo(FieldCheck.Status.INVALID);
      assertThat(storeUrl.message()).contains("shop.example.com").contains("127.0.0.1").contains("loopback")
          .contains("--allow-host");
      assertThat(report.problems()).extracting(p -> p.code()).containsExactly("invalid_values");
    }
    assertThat(connections).hasValue(0);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNameThatResolvesToAPrivateAddressAmongPublicOnesIsRefused() {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home)
        .resolver(host -> List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("10.0.0.1"))).build()) {
      VerificationReport report = plugboard.verify("ownstore",
          Map.of("store_url", "https://shop.example.com/", "consumer_key", KEY, "consumer_secret", SECRET));

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INVALID);
      assertThat(report.fields().get(0).message()).contains("10.0.0.1").contains("private");
    }
    assertThat(connections).hasValue(0);
  }

  @Test
  void allowHostLiftsTheGuardForThatHostAndPort() {
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        String body = switch (request.getTarget()) {
          case "/shop/wp-json/wc/v3" -> "{\"namespace\":\"wc/v3\"}";
          case "/shop/wp-json/wc/v3/system_status" -> "{\"settings\":{\"name\":\"Acme\",\"currency\":\"EUR\"}}";
          case "/shop/wp-json/wc/v3/orders?per_page=1", "/shop/wp-json/wc/v3/products?per_page=1" -> "[]";
          default -> null;
        };
        return body == null
            ? new MockResponse.Builder().code(401).body("{\"code\":\"woocommerce_rest_authentication_error\","
                + "\"message\":\"The API key provided does not have write permissions.\"}").build()
            : new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
      }
    });
    String hostAndPort = "127.0.0.1:" + server.getPort();

    CliRun.Result refused = verify("http://" + hostAndPort + "/shop/");
    CliRun.Result allowed = verify("http://" + hostAndPort + "/shop/", "--allow-host", hostAndPort);

    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
    assertThat(allowed.exitCode()).as(allowed.all()).isZero();
    assertThat(allowed.all()).contains("Acme").doesNotContain(SECRET);
  }
}
