package dev.plugboard.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.web.ConnectPages;
import dev.plugboard.web.Invites;
import dev.plugboard.web.testing.ShippedPlugins;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's example of mounting the connect pages in an application's own server, run as written:
 * {@link #serveConnectPages} and the lines marked in {@link #anInvitedOwnerConnectsWithoutTheApplicationsSignIn}
 * are the snippets README shows. Public API only.
 */
final class ConnectPagesExampleTest {

  @TempDir Path dir;

  /** README's example. */
  static HttpServer serveConnectPages(Plugboard plugboard, Invites invites, Authenticator login, int port)
      throws IOException {
    ConnectPages pages = ConnectPages.builder(plugboard)   // first: it bounds slow clients for the JDK's servers
        .invites(invites)
        .onConnected(connected -> System.out.println("connected " + connected.name() + ": " + connected.account()))
        .build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/connect", pages).setAuthenticator(login); // the application's own sign-in
    server.createContext("/connect/invites", pages.invitePages());   // an invite's link is its own key
    server.start();
    return server;
  }

  @Test
  void anInvitedOwnerConnectsWithoutTheApplicationsSignInWhichGuardsTheRest() throws Exception {
    Path home = dir.resolve("home");
    Authenticator login = new BasicAuthenticator("bookkeeping") {
      @Override
      public boolean checkCredentials(String user, String password) {
        return user.equals("accountant") && password.equals("correct horse");
      }
    };
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(ShippedPlugins.installIn(dir.resolve("plugins"))).home(home).build();
        SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
      HttpServer server = serveConnectPages(plugboard, Invites.in(home), login, 0);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/connect/");
        // README: making an invite
        Invites invites = Invites.in(home);
        Invites.Created invite = invites.create(plugboard.describe("bigcommerce"), "shop/acme", Duration.ofHours(1));
        URI link = invite.link(base); // send it to the store owner; it is shown this once
        // end of README

        HttpClient owner = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(owner.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .as("the application's pages need its sign-in").isEqualTo(401);
        String signIn = "Basic " + Base64.getEncoder().encodeToString("accountant:correct horse".getBytes(StandardCharsets.UTF_8));
        assertThat(owner.send(HttpRequest.newBuilder(base).header("Authorization", signIn).build(),
            HttpResponse.BodyHandlers.ofString()).body()).contains("href=\"/connect/connectors/bigcommerce\"");

        HttpResponse<String> page = owner.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(owner.send(HttpRequest.newBuilder(base.resolve("invites/assets/connect.js")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(owner.send(HttpRequest.newBuilder(base.resolve("invites/../connectors/bigcommerce").normalize()).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        Matcher csrf = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        StringBuilder values = new StringBuilder("{\"values\":{");
        sandbox.values().forEach((id, value) -> values.append('"').append(id).append("\":\"").append(value).append("\","));
        values.setLength(values.length() - 1);
        HttpResponse<String> connected = owner.send(HttpRequest.newBuilder(URI.create(link + "/connect"))
            .header("Content-Type", "application/json").header("X-CSRF-Token", csrf.group(1))
            .POST(HttpRequest.BodyPublishers.ofString(values.append("}}").toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(connected.body()).contains("event: connected");
      } finally {
        System.setOut(original);
        server.stop(0);
      }
      assertThat(printed.toString(StandardCharsets.UTF_8).lines())
          .containsExactly("connected shop/acme: Acceptance Outfitters (acceptance-outfitters.example)");
      assertThat(plugboard.connections().find("shop/acme")).isPresent();
    }
  }

  @Test
  void buildingThePagesBoundsSlowClientsOfTheJdkServerButKeepsTheApplicationsOwnSetting() throws Exception {
    List<String> properties = List.of("sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxReqHeaders",
        "sun.net.httpserver.idleInterval");
    Map<String, String> before = new HashMap<>();
    properties.forEach(property -> before.put(property, System.getProperty(property)));
    try {
      properties.forEach(System::clearProperty);
      System.setProperty("sun.net.httpserver.idleInterval", "120"); // the application's own
      try (Plugboard plugboard = Plugboard.builder().pluginsDir(ShippedPlugins.installIn(dir.resolve("plugins")))
          .home(dir.resolve("home")).build()) {
        ConnectPages.builder(plugboard).build();
      }
      assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("10");
      assertThat(System.getProperty("sun.net.httpserver.maxReqHeaders")).isEqualTo("64");
      assertThat(System.getProperty("sun.net.httpserver.idleInterval")).isEqualTo("120");
    } finally {
      before.forEach((property, value) -> {
        if (value == null) {
          System.clearProperty(property);
        } else {
          System.setProperty(property, value);
        }
      });
    }
  }
}
