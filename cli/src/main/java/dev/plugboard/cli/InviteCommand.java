package dev.plugboard.cli;

import dev.plugboard.host.InvalidConnectionNameException;
import dev.plugboard.host.Plugboard;
import dev.plugboard.web.Invites;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard invite CONNECTOR [--name NAME] [--ttl 1h] [--base-url URL]}: a one-time link for a store owner. */
@Command(
    addMethodSubcommands = false,
    name = "invite",
    mixinStandardHelpOptions = true,
    description = "Prints a one-time link for a store owner to connect their store on the connect page"
        + " (`plugboard serve`). Only a hash of it is kept; it is shown this once.")
final class InviteCommand implements Callable<Integer> {

  static final URI DEFAULT_BASE = URI.create("http://127.0.0.1:8080/");

  @ParentCommand PlugboardCommand plugboard;

  @Parameters(paramLabel = "CONNECTOR", description = "The connector, as `plugboard plugins` lists it.")
  String connector;

  @Option(names = "--name", paramLabel = "NAME", description = "Keep the connection under this name (default: after the account).")
  String name;

  @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long the link works, such as 30m, 1h or 48h (default: 1h; at most 30 days).")
  Duration ttl = Duration.ofHours(1);

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Where the connect page is, as the store owner reaches it (default: the address a running"
          + " `plugboard serve` of this home announced, else http://127.0.0.1:8080/).")
  String baseUrl;

  @Override
  public Integer call() {
    Invites invites = Invites.in(plugboard.home());
    URI base = baseUrl != null ? base(baseUrl) : invites.announced().orElse(DEFAULT_BASE);
    if (ttl.compareTo(Invites.MAX_TTL) > 0) {
      throw new UsageException("--ttl must be at most 30 days");
    }
    try (Plugboard host = plugboard.open()) {
      Invites.Created created;
      try {
        created = invites.create(host.describe(connector), name, ttl);
      } catch (InvalidConnectionNameException e) {
        throw new UsageException("--name: " + e.getMessage());
      }
      PrintWriter out = plugboard.environment.out();
      out.println(created.link(base));
      out.println("Invite " + created.invite().id() + " for " + connector
          + created.invite().name().map(n -> " (to be kept as " + n + ")").orElse("") + ", valid until "
          + Times.format(created.invite().expiresAt()) + " for one connection."
          + " Send the link to the store owner: it is shown only this once.");
      return ExitCode.OK;
    }
  }

  private static URI base(String text) {
    try {
      URI uri = URI.create(text.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // said below
    }
    throw new UsageException("--base-url must be an http or https address such as https://books.example/connect/,"
        + " without a query or fragment");
  }
}
