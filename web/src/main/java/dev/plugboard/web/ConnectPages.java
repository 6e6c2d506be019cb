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
 * ConnectPages pages = ConnectPages.builder(plugboard)   // before the server: see below
 *     .onConnected(connected -> System.out.println("connected " + connected.name()))
 *     .build();
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.createContext("/connect", pages);   // put the application's own authentication in front
 * server.start();
 * }</pre>
 *
 * <p>Building the pages bounds slow clients for every JDK HTTP server of the process (a request
 * head within 10 s, at most 64 headers, idle connections closed after 30 s), unless the
 * application set those system properties itself; the JDK reads them when its first server is
 * created, so build the pages before it.
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
  private final Invites invites;

  private ConnectPages(Builder builder) {
    // the JDK reads these when its first server starts: in time if the pages are built before it
    SlowClients.bound();
    this.plugboard = builder.plugboard;
    this.onConnected = builder.onConnected;
    this.sessions = new Sessions(builder.clock);
    this.invites = builder.invites;
    this.endpoints = new Endpoints(plugboard, invites, this::connected);
  }

  public static Builder builder(Plugboard plugboard) {
    return new Builder(plugboard);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    handle(exchange, false);
  }

  /**
   * The invite pages alone, for an application that puts its own authentication in front of
   * these pages: mount this at the same path followed by {@code /invites}, without it (the link
   * is the key), and an invited store owner reaches the invite's page and nothing else.
   *
   * <pre>{@code
   * server.createContext("/connect", pages).setAuthenticator(applicationLogin);
   * server.createContext("/connect/invites", pages.invitePages());
   * }</pre>
   */
  public HttpHandler invitePages() {
    return exchange -> handle(exchange, true);
  }

  private void handle(HttpExchange exchange, boolean invitesOnly) throws IOException {
    try (exchange) {
      String context = exchange.getHttpContext().getPath();
      String base = withoutSlash(invitesOnly && withoutSlash(context).endsWith("/invites")
          ? withoutSlash(context).substring(0, withoutSlash(context).length() - "/invites".length()) : context);
      String raw = exchange.getRequestURI().getRawPath();
      String path = raw.length() >= base.length() ? raw.substring(base.length()) : "";
      Html.Mount mount = invitesOnly || path.startsWith("/invites/") ? Html.Mount.invited(base) : Html.Mount.at(base);
      try {
        if (invitesOnly && !path.startsWith("/invites/")) {
          throw notFound();
        }
        route(exchange, base, path);
      } catch (Exchanges.Refused refused) {
        refuse(exchange, mount, refused.status, refused.getMessage());
      } catch (UnknownConnectorException e) {
        refuse(exchange, mount, 404, e.getMessage());
      } catch (RuntimeException e) {
        // Host exceptions never hold a secret value; the log keeps the cause for whoever runs the server.
        LOG.error("connect page: {} failed", exchange.getRequestMethod(), e);
        refuse(exchange, mount, 500, SERVER_TROUBLE);
      }
    }
  }

  private void route(HttpExchange exchange, String base, String path) throws IOException {
    if (Exchanges.headerBytes(exchange.getRequestHeaders()) > Exchanges.MAX_HEADER_BYTES) {
      throw new Exchanges.Refused(431, "The request's headers are larger than " + Exchanges.MAX_HEADER_BYTES / 1024
          + " KiB; clear this site's cookies and try again.");
    }
    String method = exchange.getRequestMethod();
    String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
    boolean get = method.equals("GET") || method.equals("HEAD");
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw notFound();
    }
    if (path.isEmpty() || path.equals("/")) {
      requireGet(get);
      Exchanges.send(exchange, 200, HTML, Pages.connectors(base, plugboard.connectors()));
    } else if (parts.length == 2 && parts[0].equals("assets")
        || parts.length == 3 && parts[0].equals("invites") && parts[1].equals("assets")) {
      requireGet(get);
      Assets.send(exchange, parts[parts.length - 1]);
    } else if (parts.length == 2 && parts[0].equals("connectors")) {
      requireGet(get);
      connectorPage(exchange, base, parts[1]);
    } else if (parts.length == 2 && parts[0].equals("invites")) {
      requireGet(get);
      invitePage(exchange, base, parts[1]);
    } else if (parts.length == 3 && parts[0].equals("invites")) {
      invitePost(exchange, parts[1], parts[2], method);
    } else if (parts.length == 3 && parts[0].equals("connectors")) {
      if (!method.equals("POST")) {
        throw new Exchanges.Refused(405, "This address takes only the page's own requests.");
      }
      post(exchange, plugboard.describe(parts[1]), parts[2], null);
    } else {
      throw notFound();
    }
  }

  private void post(HttpExchange exchange, ConnectorDescriptor descriptor, String action, Endpoints.Invitation invitation)
      throws IOException {
    Sessions.Session session = postingSession(exchange);
    switch (action) {
      case "check" -> endpoints.check(exchange, descriptor, session);
      case "credentials-file" -> endpoints.credentialsFile(exchange, descriptor, session);
      case "verify" -> endpoints.run(exchange, descriptor, session, false, invitation);
      case "connect" -> endpoints.run(exchange, descriptor, session, true, invitation);
      default -> throw notFound();
    }
  }

  /** An invite's page: the connector's page, posting below the link; opening it never spends it. */
  private void invitePage(HttpExchange exchange, String base, String token) throws IOException {
    Invite invite = openInvite(token, base, exchange);
    if (invite == null) {
      return;
    }
    ConnectorDescriptor descriptor = plugboard.describe(invite.connector());
    Sessions.Session session = session(exchange, base);
    String intro = "You were sent this link to connect your " + descriptor.name() + " store. Follow the steps, fill in"
        + " the details and press Connect. The link works once, until " + InvitePages.WHEN.format(invite.expiresAt()) + ".";
    Exchanges.send(exchange, 200, HTML, Pages.connector(Html.Mount.invited(base), base + "/invites/" + token, descriptor,
        plugboard.form(descriptor.id()), session.csrf(), intro, invite.name().orElse(descriptor.id())));
  }

  private void invitePost(HttpExchange exchange, String token, String action, String method) throws IOException {
    if (!method.equals("POST")) {
      throw new Exchanges.Refused(405, "This address takes only the page's own requests.");
    }
    Invite invite = invites == null ? null : invites.find(token).orElse(null);
    if (invite == null) {
      throw new Exchanges.Refused(404, InvitePages.UNKNOWN.message() + " " + InvitePages.UNKNOWN.next());
    }
    if (invite.state(invites.now()) != Invite.State.OPEN) {
      InvitePages.Closed closed = InvitePages.closed(invite, invites.now());
      throw new Exchanges.Refused(closed.status(), closed.message() + " " + closed.next());
    }
    post(exchange, plugboard.describe(invite.connector()), action, new Endpoints.Invitation(token, invite));
  }

  /** The open invite of {@code token}; else a page saying why it cannot be used has been sent, and {@code null}. */
  private Invite openInvite(String token, String base, HttpExchange exchange) throws IOException {
    Invite invite = invites == null ? null : invites.find(token).orElse(null);
    InvitePages.Closed closed = invite == null ? InvitePages.UNKNOWN
        : invite.state(invites.now()) == Invite.State.OPEN ? null : InvitePages.closed(invite, invites.now());
    if (closed == null) {
      return invite;
    }
    Exchanges.send(exchange, closed.status(), HTML, Pages.message(Html.Mount.invited(base), closed.title(), closed.message(), closed.next()));
    return null;
  }

  private void connectorPage(HttpExchange exchange, String base, String connectorId) throws IOException {
    ConnectorDescriptor descriptor = plugboard.describe(connectorId);
    Sessions.Session session = session(exchange, base);
    Exchanges.send(exchange, 200, HTML, Pages.connector(Html.Mount.at(base), base + "/connectors/" + descriptor.id(), descriptor,
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

  private static void refuse(HttpExchange exchange, Html.Mount mount, int status, String message) throws IOException {
    if (exchange.getResponseCode() != -1) {
      return; // the answer has begun (an event stream); it ends here
    }
    Exchanges.discardUnread(exchange);
    if (exchange.getRequestMethod().equals("POST")) {
      Exchanges.send(exchange, status, JSON, Json.error(message));
    } else {
      Exchanges.send(exchange, status, HTML, Pages.message(mount, title(status), message,
          mount.home() == null ? null : "Go back to the list of connectors to start again."));
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

  private static String withoutSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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
    private Invites invites;

    private Builder(Plugboard plugboard) {
      this.plugboard = Objects.requireNonNull(plugboard, "plugboard == null");
    }

    /** Called once for each connection the pages store, after it is stored. */
    public Builder onConnected(Consumer<Connected> onConnected) {
      this.onConnected = Objects.requireNonNull(onConnected, "onConnected == null");
      return this;
    }

    /** Serves the links of these invites under {@code invites/}; without, every invite link is unknown. */
    public Builder invites(Invites invites) {
      this.invites = Objects.requireNonNull(invites, "invites == null");
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

  static void requireValidName(String name, String connectorId) {
    if (name != null) {
      try {
        ConnectionNames.requireValid(name, connectorId);
      } catch (PlugboardException e) {
        throw new Exchanges.Refused(400, e.getMessage());
      }
    }
  }
}
