package dev.plugboard.web;

import com.sun.net.httpserver.HttpExchange;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.ConnectResult;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.ValueChecks;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.PlugboardException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What the connector page's script posts to: a field check, a dropped credentials file, Verify and Connect. */
final class Endpoints {

  private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

  /** Verifications running at once across every browser: each holds a thread and the platform's rate limit. */
  static final int MAX_RUNS = 8;

  private final Plugboard plugboard;
  private final Consumer<Connected> onConnected;
  private final Invites invites;
  private final Set<String> connecting = ConcurrentHashMap.newKeySet();
  private final Semaphore runs = new Semaphore(MAX_RUNS);
  private static final LiveResults.Event END = new LiveResults.Event("end", "{}");
  private final ExecutorService runner = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "plugboard-web-verification");
    thread.setDaemon(true);
    return thread;
  });

  Endpoints(Plugboard plugboard, Invites invites, Consumer<Connected> onConnected) {
    this.plugboard = plugboard;
    this.invites = invites;
    this.onConnected = onConnected;
  }

  /** The host's format phase over the values typed so far: each field's state and its message in words. */
  void check(HttpExchange exchange, ConnectorDescriptor descriptor, Sessions.Session session) throws IOException {
    Json.Posted posted = Json.posted(requireJson(exchange));
    Map<String, String> values = values(descriptor, posted, session);
    ValueChecks checks = plugboard.checkValues(descriptor.id(), values);
    ObjectNode answer = Json.object();
    fields(answer.putArray("fields"), checks.fields(), checks.cleaned(), posted);
    Exchanges.send(exchange, 200, ConnectPages.JSON, answer.toString());
  }

  /**
   * Reads a dropped credentials file with the host's reader and keeps its values in the session.
   * The answer names the fields filled and gives back only values that are not secret.
   */
  void credentialsFile(HttpExchange exchange, ConnectorDescriptor descriptor, Sessions.Session session) throws IOException {
    byte[] body = Exchanges.body(exchange);
    Map<String, String> read;
    try {
      read = plugboard.readCredentialsFile(descriptor.id(), new ByteArrayInputStream(body), "the file you gave");
    } catch (PlugboardException e) {
      throw new Exchanges.Refused(400, e.getMessage());
    }
    session.rememberFile(descriptor.id(), read);
    Form form = plugboard.form(descriptor.id());
    ObjectNode answer = Json.object();
    ArrayNode filled = answer.putArray("filled");
    for (Map.Entry<String, String> value : read.entrySet()) {
      FormField field = form.field(value.getKey()).orElseThrow();
      ObjectNode node = filled.addObject().put("id", field.id()).put("label", field.label()).put("secret", field.secret());
      if (!field.secret()) {
        node.put("value", field.normalize(value.getValue()));
      }
    }
    answer.put("message", "Filled " + words(read.size()) + " from the file: " + String.join(", ",
        read.keySet().stream().map(id -> form.field(id).orElseThrow().label()).toList()) + ".");
    Json.Posted asFile = new Json.Posted(Map.of(), List.copyOf(read.keySet()), null);
    fields(answer.putArray("fields"), plugboard.checkFormat(descriptor.id(), read), Map.of(), asFile);
    Exchanges.send(exchange, 200, ConnectPages.JSON, answer.toString());
  }

  /** Verify (or Connect: verify, then store) with the result told as events while the run goes. */
  /** An invite's link a run goes through: the token, and the invite as it stood. */
  record Invitation(String token, Invite invite) {
    @Override
    public String toString() {
      return "Invitation[" + invite.id() + "]";
    }
  }

  /**
   * @param invitation the invite the page was opened with, or {@code null}: it fixes the name, counts
   *     the verification, and is spent when the connection is stored
   */
  void run(HttpExchange exchange, ConnectorDescriptor descriptor, Sessions.Session session, boolean store,
      Invitation invitation) throws IOException {
    Json.Posted posted = Json.posted(requireJson(exchange));
    Map<String, String> values = values(descriptor, posted, session);
    String name = invitation != null ? invitation.invite().name().orElse(null) : posted.name();
    ConnectPages.requireValidName(name, descriptor.id());
    if (invitation != null && store && !connecting.add(invitation.token())) {
      throw new Exchanges.Refused(409, "This link is being used to connect in another window; wait for it to finish.");
    }
    if (!runs.tryAcquire()) {
      if (invitation != null && store) {
        connecting.remove(invitation.token());
      }
      throw new Exchanges.Refused(429, "The server is busy checking other connections; try again in a minute.");
    }
    try {
      if (invitation != null) {
        Invite before = invites.useForVerification(invitation.token());
        if (before.state(invites.now()) != Invite.State.OPEN) {
          throw new Exchanges.Refused(410, InvitePages.closed(before, invites.now()).message());
        }
      }
      BlockingQueue<LiveResults.Event> events = new LinkedBlockingQueue<>();
      LiveResults live = new LiveResults(events, descriptor);
      Future<?> verification = runner.submit(() -> {
        try {
          if (store) {
            ConnectResult result = name == null ? plugboard.connect(descriptor.id(), values, live)
                : plugboard.connect(descriptor.id(), values, name, live);
            result.connection().ifPresent(connection -> {
              session.forgetFile(descriptor.id());
              if (invitation != null) {
                invites.spend(invitation.token(), connection.name());
              }
              Connected connected = new Connected(descriptor.id(), connection.name(), connection.account().display(),
                  Optional.ofNullable(invitation).map(i -> i.invite().id()));
              live.connected(connected.name(), connected.account());
              onConnected.accept(connected);
            });
          } else {
            plugboard.verify(descriptor.id(), values, live);
          }
        } catch (PlugboardException e) {
          live.failed(e.getMessage());
        } catch (RuntimeException e) {
          LOG.error("connect page: verifying {} failed", descriptor.id(), e);
          live.failed(ConnectPages.SERVER_TROUBLE);
        } finally {
          events.add(END);
        }
      });
      stream(exchange, events, verification);
    } finally {
      runs.release();
      if (invitation != null && store) {
        connecting.remove(invitation.token());
      }
    }
  }

  /** Writes the events out as they come, on the request's own thread, until the run ends. */
  private static void stream(HttpExchange exchange, BlockingQueue<LiveResults.Event> events, Future<?> verification)
      throws IOException {
    try (EventStream stream = EventStream.open(exchange)) {
      for (LiveResults.Event event = events.take(); event != END; event = events.take()) {
        stream.send(event.name(), event.json());
      }
    } catch (InterruptedException e) {
      verification.cancel(true);
      Thread.currentThread().interrupt();
    }
  }

  /** The values to check: those typed, and for the fields the page says came from the file, the file's. */
  private static Map<String, String> values(ConnectorDescriptor descriptor, Json.Posted posted, Sessions.Session session) {
    for (String id : posted.values().keySet()) {
      if (descriptor.field(id).isEmpty()) {
        throw new Exchanges.Refused(400, "The request names a field " + descriptor.name() + " does not ask for;"
            + " reload the page and try again.");
      }
    }
    Map<String, String> file = session.fileValues(descriptor.id());
    Map<String, String> values = new LinkedHashMap<>();
    for (Field field : descriptor.fields()) {
      String typed = posted.values().get(field.id());
      if (posted.fromFile().contains(field.id()) && file.containsKey(field.id())) {
        values.put(field.id(), file.get(field.id()));
      } else if (typed != null && !typed.isEmpty()) {
        values.put(field.id(), typed);
      }
    }
    return values;
  }

  /**
   * Each field's check; for a well-formed value that is not secret and that the host would use
   * otherwise than typed (cleaned up, an address cut back to the site's own), the value it uses.
   */
  private static void fields(ArrayNode into, List<FieldCheck> checks, Map<String, String> cleaned, Json.Posted posted) {
    for (FieldCheck check : checks) {
      ObjectNode node = into.addObject().put("id", check.id()).put("status", check.status().name().toLowerCase(Locale.ROOT))
          .put("message", check.message());
      String typed = posted.values().get(check.id());
      String used = cleaned.get(check.id());
      if (typed != null && !typed.isEmpty() && used != null && !used.equals(typed)) {
        node.put("cleaned", used);
      }
    }
  }

  private static byte[] requireJson(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new Exchanges.Refused(415, "This address takes only the page's own JSON requests.");
    }
    return Exchanges.body(exchange);
  }

  private static String words(int fields) {
    return fields == 1 ? "1 field" : fields + " fields";
  }
}
