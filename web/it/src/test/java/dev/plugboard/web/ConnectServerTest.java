package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.Plugboard;
import dev.plugboard.web.testing.ShippedPlugins;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect pages on a server of their own, as {@code plugboard serve} runs them. */
final class ConnectServerTest {

  @TempDir static Path dir;
  static Plugboard plugboard;

  @BeforeAll
  static void load() {
    plugboard = Plugboard.builder().pluginsDir(ShippedPlugins.installIn(dir.resolve("plugins"))).home(dir.resolve("home")).build();
  }

  @AfterAll
  static void close() {
    plugboard.close();
  }

  @Test
  void itListensOnLoopbackByDefaultServesThePagesAtTheRootAndWarnsOfNothing() throws Exception {
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    try (ConnectServer server = ConnectServer.builder(plugboard).port(0).warnings(print(warnings)::println).start()) {
      assertThat(server.uri().toString()).startsWith("http://127.0.0.1:").endsWith("/");
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("connectors/woocommerce"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1>Connect WooCommerce</h1>", "href=\"/assets/connect.css\"");
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anAddressOtherMachinesReachIsWarnedAboutTls() {
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    try (ConnectServer server = ConnectServer.builder(plugboard).bind("0.0.0.0").port(0).warnings(print(warnings)::println).start()) {
      assertThat(server.uri().getPort()).isPositive();
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("warning", "0.0.0.0", "behind TLS");
  }

  @Test
  void aPortInUseIsSaidSoWithWhatToDo() {
    try (ConnectServer first = ConnectServer.builder(plugboard).port(0).start()) {
      assertThatThrownBy(() -> ConnectServer.builder(plugboard).port(first.uri().getPort()).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + first.uri().getPort())
          .hasMessageContaining("try --port with another");
    }
  }

  @Test
  void anAddressNotOfThisMachineIsSaidSo() {
    assertThatThrownBy(() -> ConnectServer.builder(plugboard).bind("no-such-host.invalid").port(0).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot listen on no-such-host.invalid");
  }

  private static PrintStream print(ByteArrayOutputStream into) {
    return new PrintStream(into, true, StandardCharsets.UTF_8);
  }
}
