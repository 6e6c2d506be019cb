package dev.plugboard.cli;

import static dev.plugboard.cli.ConsoleText.safe;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.UnknownConnectionException;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.JsonOutput;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard connections [list | show NAME | verify NAME | remove NAME]}: the kept connections. */
@Command(
    addMethodSubcommands = false,
    name = "connections",
    mixinStandardHelpOptions = true,
    description = "Lists, shows (secrets masked), verifies again or removes kept connections; list by default.",
    subcommands = {
      ConnectionsCommand.ListCommand.class,
      ConnectionsCommand.ShowCommand.class,
      ConnectionsCommand.VerifyConnectionCommand.class,
      ConnectionsCommand.RemoveCommand.class
    })
final class ConnectionsCommand implements Callable<Integer> {

  @ParentCommand PlugboardCommand plugboard;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    return list(plugboard, json);
  }

  /**
   * Every connection that opens, and a line for each that does not saying what to do: one damaged
   * record does not hide the others. Exits 3 after printing when one did not open.
   */
  static int list(PlugboardCommand plugboard, boolean json) {
    try (Plugboard host = plugboard.open()) {
      List<Connection> connections = new ArrayList<>();
      Map<String, String> unreadable = new LinkedHashMap<>();
      for (String name : host.connections().names(ConnectionNames.DEFAULT_TENANT)) {
        try {
          host.connections().find(name).ifPresent(connections::add);
        } catch (ConnectionStoreException e) {
          unreadable.put(name, e.getMessage());
        }
      }
      PrintWriter out = plugboard.environment.out();
      int exit = unreadable.isEmpty() ? ExitCode.OK : ExitCode.COULD_NOT_FINISH;
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("connections", connections.stream().map(ConnectionsCommand::summary).toList());
        if (!unreadable.isEmpty()) {
          document.put("unreadable", unreadable.entrySet().stream()
              .map(e -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("name", e.getKey());
                entry.put("problem", e.getValue());
                return entry;
              }).toList());
        }
        out.println(JsonOutput.write(document));
        return exit;
      }
      if (connections.isEmpty() && unreadable.isEmpty()) {
        out.println("No connections kept in " + plugboard.where()
            + ". Add one with: plugboard connect CONNECTOR");
        return ExitCode.OK;
      }
      table(plugboard, connections, unreadable.keySet());
      unreadable.forEach((name, problem) ->
          plugboard.environment.err().println("plugboard: " + safe(name) + " does not open: " + safe(problem)));
      return exit;
    }
  }

  /** One row a connection; the account's name wraps to fit the screen, when its width is known. */
  private static void table(PlugboardCommand plugboard, List<Connection> connections, Set<String> unreadable) {
    Palette palette = plugboard.palette();
    Table table = new Table(2, "NAME", "CONNECTOR", "ACCOUNT", "LAST VERIFIED", "STATUS");
    for (Connection c : connections) {
      table.row(safe(c.name()), safe(connector(c)), safe(c.account().display()), Times.format(c.checkedAt()),
          palette.status(Words.lower(c.status())));
    }
    for (String damaged : unreadable) {
      table.row(safe(damaged), "?", "?", "?", palette.paint("does not open (see below)", Palette.Tone.BAD));
    }
    table.print(plugboard.environment.out(), plugboard.columns());
  }

  /** The connector's id, marked when the connection was made against its sandbox. */
  private static String connector(Connection connection) {
    return connection.connector() + (connection.sandbox().isPresent() ? " (sandbox)" : "");
  }

  private static Map<String, Object> summary(Connection connection) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", connection.name());
    entry.put("connector", connection.connector());
    entry.put("account", connection.account().display());
    entry.put("checkedAt", connection.checkedAt().toString());
    entry.put("status", Words.lower(connection.status()));
    entry.put("sandbox", connection.sandbox().isPresent());
    return entry;
  }

  /** What every subcommand about one connection takes: its name, and {@code --json}. */
  static final class OneConnection {
    @Parameters(paramLabel = "NAME", description = "The connection's name, as listed.")
    String name;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;
  }

  @Command(addMethodSubcommands = false, name = "list", mixinStandardHelpOptions = true,
      description = "Lists kept connections.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand ConnectionsCommand connections;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
      return list(connections.plugboard, json || connections.json);
    }
  }

  @Command(addMethodSubcommands = false, name = "show", mixinStandardHelpOptions = true,
      description = "Shows a connection; secrets masked, only their last characters shown.")
  static final class ShowCommand implements Callable<Integer> {
    @ParentCommand ConnectionsCommand connections;

    @Mixin OneConnection target;

    @Override
    public Integer call() {
      PlugboardCommand plugboard = connections.plugboard;
      try (Plugboard host = plugboard.open()) {
        Connection connection = host.connections().get(target.name);
        if (target.json || connections.json) {
          plugboard.environment.out().println(JsonOutput.write(connection));
        } else {
          new ConnectionPrinter(plugboard.environment.out(), host, plugboard.palette()).print(connection);
        }
        return ExitCode.OK;
      }
    }
  }

  @Command(addMethodSubcommands = false, name = "verify", mixinStandardHelpOptions = true,
      description = {"Verifies a kept connection again with its stored values and records the result; one made with",
          "--sandbox against its sandbox, started again for it with the scopes it granted then.",
          "With --due, every connection due for re-verification (of every tenant), each then due again --every later."})
  static final class VerifyConnectionCommand implements Callable<Integer> {
    @ParentCommand ConnectionsCommand connections;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The connection's name, as listed.")
    String name;

    @Option(names = "--due", description = "Verify every connection whose next check is due, instead of one.")
    boolean due;

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "With --due: when each is due again, give or take a tenth (default 24h).")
    Duration every;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin TimeoutOption timeout;

    @Override
    public Integer call() {
      if (due == (name != null)) {
        throw new UsageException("name one connection to verify, or give --due for every connection due; not "
            + (due ? "both" : "neither"));
      }
      if (every != null && !due) {
        throw new UsageException("--every goes with --due: it says when each connection verified is due again");
      }
      PlugboardCommand plugboard = connections.plugboard;
      try (Plugboard host = plugboard.open(timeout.value)) {
        return due ? DueVerifications.run(host, plugboard.environment.out(), json || connections.json,
            every == null ? Duration.ofDays(1) : every) : verifyOne(host, plugboard);
      }
    }

    private int verifyOne(Plugboard host, PlugboardCommand plugboard) {
      VerificationReport report = host.verifyConnection(name);
      if (json || connections.json) {
        plugboard.environment.out().println(JsonOutput.write(report));
      } else {
        Connection connection = host.connections().get(name); // the mark stays as it was
        plugboard.environment.out().println("Verifying " + name + " again" + (connection.sandbox().isPresent()
            ? ", against the " + connection.connector() + " sandbox started again for it" : ""));
        new ReportPrinter(plugboard.environment.out(), plugboard.palette(), plugboard.columns())
            .print(report);
        plugboard.environment.out().println(report.status() == VerificationReport.Status.INVALID
            ? "Not recorded: nothing could be checked, so " + name + " keeps its last verification."
            : "Recorded in " + name + ".");
      }
      return ReportPrinter.exitCode(report);
    }
  }

  @Command(addMethodSubcommands = false, name = "remove", mixinStandardHelpOptions = true,
      description = "Forgets a kept connection.")
  static final class RemoveCommand implements Callable<Integer> {
    @ParentCommand ConnectionsCommand connections;

    @Mixin OneConnection target;

    @Override
    public Integer call() {
      PlugboardCommand plugboard = connections.plugboard;
      try (Plugboard host = plugboard.open()) {
        if (!host.connections().remove(target.name)) {
          throw new UnknownConnectionException(target.name);
        }
        if (target.json || connections.json) {
          plugboard.environment.out().println(JsonOutput.write(Map.of("removed", target.name)));
        } else {
          plugboard.environment.out().println("Removed " + target.name + ".");
        }
        return ExitCode.OK;
      }
    }
  }
}
