package dev.plugboard.web.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.testing.TestFolders;
import dev.plugboard.web.ConnectPages;
import dev.plugboard.web.Connected;
import dev.plugboard.web.Invites;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An application's own JDK server with the connect pages mounted under {@code /connect}, over
 * both shipped connectors and a fresh home folder, recording every answer it sends (headers and
 * body) for canary scans. A test class registers it as a JUnit extension: it starts before the
 * class's first test and stops after its last.
 *
 * <pre>{@code
 * @RegisterExtension static final ConnectSite site = new ConnectSite();
 * }</pre>
 */
public final class ConnectSite implements BeforeAllCallback, AfterAllCallback {

  public static final String MOUNT = "/connect";

  private Path dir;
  private Plugboard plugboard;
  private HttpServer server;
  private ExecutorService executor;
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final List<Connected> connected = new CopyOnWriteArrayList<>();
  private final TestClock clock = new TestClock();
  private Invites invites;

  /** One answer as it went out: the request line, the headers and the body. */
  public record Answer(String request, int status, String headers, String body) {
    public String whole() {
      return request + "\n" + status + "\n" + headers + "\n" + body;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("plugboard-web-test");
    plugboard = Plugboard.builder().pluginsDir(ShippedPlugins.installIn(dir.resolve("plugins")))
        .home(dir.resolve("home")).build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    invites = Invites.in(dir.resolve("home"), clock);
    ConnectPages pages = ConnectPages.builder(plugboard).invites(invites).onConnected(connected::add).build();
    server.createContext(MOUNT, pages).getFilters().add(new Recorder());
    server.start();
  }

  public Invites invites() {
    return invites;
  }

  /** The clock the invites' expiry is judged by: move it on to let them expire. */
  public TestClock clock() {
    return clock;
  }

  public Plugboard plugboard() {
    return plugboard;
  }

  /** {@code http://127.0.0.1:PORT/connect} and then {@code path}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + MOUNT + path);
  }

  public Path folder() {
    return dir;
  }

  /** The names of the connector's scopes but {@code withheld}, in declared order: what a sandbox grants. */
  public List<String> scopesBut(String connectorId, String... withheld) {
    return plugboard.describe(connectorId).scopes().stream().map(scope -> scope.name())
        .filter(name -> !List.of(withheld).contains(name)).toList();
  }

  public List<Answer> answers() {
    return List.copyOf(answers);
  }

  public List<Connected> connected() {
    return List.copyOf(connected);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop(0);
    executor.shutdownNow();
    plugboard.close();
    TestFolders.delete(dir);
  }

  /** Copies every byte of every answer as it goes out. */
  private final class Recorder extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      OutputStream original = exchange.getResponseBody();
      exchange.setStreams(null, new FilterOutputStream(original) {
        @Override
        public void write(int b) throws IOException {
          copy.write(b);
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          copy.write(b, off, len);
          out.write(b, off, len);
        }
      });
      try {
        chain.doFilter(exchange);
      } finally {
        answers.add(new Answer(exchange.getRequestMethod() + " " + exchange.getRequestURI(), exchange.getResponseCode(),
            exchange.getResponseHeaders().entrySet().toString(), copy.toString(UTF_8)));
      }
    }

    @Override
    public String description() {
      return "records every answer";
    }
  }
}
