package dev.plugboard.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.UnknownConnectorException;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect pages and their endpoints, as one JDK {@link HttpHandler} an application mounts
 * under a path of its own server; every link and endpoint follows that path.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * ConnectPages pages = ConnectPages.builder(plugboard)
 *     .onConnected(connected -> System.out.println("connected " + connected.name()))
 *     .build();
 * server.createContext("/connect", pages);   // put the application's own authentication in front
 * server.start();
 * }</pre>
 *
 * <p>Pages: {@code /} lists the connectors, {@code /connectors/ID} shows one's guide and form.
 * Everything the pages show comes from the connectors' descriptors; values are checked, verified
 * and stored by the {@link Plugboard} given. No secret value is ever sent back to the browser.
 */
public final class ConnectPages implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectPages.class);

  private final Plugboard plugboard;
  private final Consumer<Connected> onConnected;
  private final Sessions sessions;
  private final Endpoints endpoints;

  private ConnectPages(Builder builder) {
    this.plugboard = builder.plugboard;
    this.onConnected = builder.onConnected;
    this.sessions = new Sessions(builder.clock);
    this.endpoints = new Endpoints(plugboard, this::connected);
  }

  public static Builder builder(Plugboard plugboard) {
    return new Builder(plugboard);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String base = base(exchange);
      try {
        route(exchange, base);
      } catch (Exchanges.Refused refused) {
        refuse(exchange, base, refused.status, refused.getMessage());
      } catch (UnknownConnectorException e) {
        refuse(exchange, base, 404, e.getMessage());
      } catch (RuntimeException e) {
        // Host exceptions never hold a secret value; the log keeps the cause for whoever runs the server.
        LOG.error("connect page: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
        refuse(exchange, base, 500, SERVER_TROUBLE);
      }
    }
  }

  private void route(HttpExchange exchange, String base) throws IOException {
    if (Exchanges.headerBytes(exchange.getRequestHeaders()) > Exchanges.MAX_HEADER_BYTES) {
      throw new Exchanges.Refused(431, "The request's headers are larger than " + Exchanges.MAX_HEADER_BYTES / 1024
          + " KiB; clear this site's cookies and try again.");
    }
    String path = exchange.getRequestURI().getRawPath().substring(Math.min(base.length(),
        exchange.getRequestURI().getRawPath().length()));
    String method = exchange.getRequestMethod();
    String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
    boolean get = method.equals("GET") || method.equals("HEAD");
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw notFound();
    }
    if (path.isEmpty() || path.equals("/")) {
      requireGet(get);
      Exchanges.send(exchange, 200, HTML, Pages.connectors(base, plugboard.connectors()));
    } else if (parts.length == 2 && parts[0].equals("assets")) {
      requireGet(get);
      Assets.send(exchange, parts[1]);
    } else if (parts.length == 2 && parts[0].equals("connectors")) {
      requireGet(get);
      connectorPage(exchange, base, parts[1]);
    } else if (parts.length == 3 && parts[0].equals("connectors")) {
      if (!method.equals("POST")) {
        throw new Exchanges.Refused(405, "This address takes only the page's own requests.");
      }
      Sessions.Session session = postingSession(exchange);
      ConnectorDescriptor descriptor = plugboard.describe(parts[1]);
      switch (parts[2]) {
        case "check" -> endpoints.check(exchange, descriptor, session);
        case "credentials-file" -> endpoints.credentialsFile(exchange, descriptor, session);
        case "verify" -> endpoints.run(exchange, descriptor, session, false, null);
        case "connect" -> endpoints.run(exchange, descriptor, session, true, null);
        default -> throw notFound();
      }
    } else {
      throw notFound();
    }
  }

  private void connectorPage(HttpExchange exchange, String base, String connectorId) throws IOException {
    ConnectorDescriptor descriptor = plugboard.describe(connectorId);
    Sessions.Session session = session(exchange, base);
    Exchanges.send(exchange, 200, HTML, Pages.connector(base, base + "/connectors/" + descriptor.id(), descriptor,
        plugboard.form(descriptor.id()), session.csrf(), null, null));
  }

  /** The browser's session, opened (with its cookie) when it has none. */
  private Sessions.Session session(HttpExchange exchange, String base) {
    return sessions.find(exchange.getRequestHeaders().getFirst("Cookie")).orElseGet(() -> {
      Sessions.Session opened = sessions.open();
      exchange.getResponseHeaders().add("Set-Cookie", Sessions.COOKIE + "=" + opened.id() + "; Path=" + base + "/"
          + "; HttpOnly; SameSite=Strict" + (exchange instanceof HttpsExchange ? "; Secure" : ""));
      return opened;
    });
  }

  /** The session a POST belongs to, refused unless its cookie and its CSRF token both match. */
  private Sessions.Session postingSession(HttpExchange exchange) {
    Sessions.Session session = sessions.find(exchange.getRequestHeaders().getFirst("Cookie")).orElseThrow(() ->
        new Exchanges.Refused(403, "This page has expired. Reload it and enter the values again."));
    if (!session.csrfMatches(exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
      throw new Exchanges.Refused(403, "This request did not come from the connect page; reload the page and try again.");
    }
    return session;
  }

  private void connected(Connected connected) {
    onConnected.accept(connected);
  }

  private static void requireGet(boolean get) {
    if (!get) {
      throw new Exchanges.Refused(405, "This address is a page; open it in a browser.");
    }
  }

  private static Exchanges.Refused notFound() {
    return new Exchanges.Refused(404, "There is no page at this address.");
  }

  private static void refuse(HttpExchange exchange, String base, int status, String message) throws IOException {
    if (exchange.getResponseCode() != -1) {
      return; // the answer has begun (an event stream); it ends here
    }
    if (exchange.getRequestMethod().equals("POST")) {
      Exchanges.send(exchange, status, JSON, Json.error(message));
    } else {
      Exchanges.send(exchange, status, HTML, Pages.message(base, title(status), message,
          "Go back to the list of connectors to start again."));
    }
  }

  private static String title(int status) {
    return switch (status) {
      case 404 -> "Not found";
      case 403 -> "Not allowed";
      case 413, 431 -> "Too large";
      default -> status >= 500 ? "Something went wrong" : "Cannot do that";
    };
  }

  /** The path the handler is mounted under, without its trailing slash: empty at the server's root. */
  private static String base(HttpExchange exchange) {
    String context = exchange.getHttpContext().getPath();
    return context.endsWith("/") ? context.substring(0, context.length() - 1) : context;
  }

  static final String SERVER_TROUBLE = "Something went wrong on the server; nothing was stored. Try again, and if"
      + " it happens again ask whoever runs this page to look at the server's log.";
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** Settings for {@link ConnectPages}. */
  public static final class Builder {
    private final Plugboard plugboard;
    private Consumer<Connected> onConnected = connected -> {};
    private Clock clock = Clock.systemUTC();

    private Builder(Plugboard plugboard) {
      this.plugboard = Objects.requireNonNull(plugboard, "plugboard == null");
    }

    /** Called once for each connection the pages store, after it is stored. */
    public Builder onConnected(Consumer<Connected> onConnected) {
      this.onConnected = Objects.requireNonNull(onConnected, "onConnected == null");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    public ConnectPages build() {
      return new ConnectPages(this);
    }
  }

  static void requireValidName(String name) {
    if (name != null) {
      try {
        ConnectionNames.requireValid(name);
      } catch (PlugboardException e) {
        throw new Exchanges.Refused(400, e.getMessage());
      }
    }
  }
}
