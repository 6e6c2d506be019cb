package dev.plugboard.cli;

import dev.plugboard.host.ConnectResult;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard connect CONNECTOR}: verify, then keep the connection, encrypted, if it verified. */
@Command(
    addMethodSubcommands = false,
    name = "connect",
    mixinStandardHelpOptions = true,
    description = "Verifies values and, only if they verify, keeps the connection encrypted in the home folder.")
final class ConnectCommand implements Callable<Integer> {

  @ParentCommand PlugboardCommand plugboard;

  @Parameters(paramLabel = "CONNECTOR", description = "The connector's id, as plugboard plugins lists them.")
  String connectorId;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Keep it under this name (default: connector/account, such as shop/acme-outfitters);"
          + " an existing connection of that name is replaced once the new values verify.")
  String name;

  @Mixin ValuesOptions values;

  @Mixin RunOptions options;

  @Override
  public Integer call() {
    if (name != null) {
      ConnectionNames.requireValid(name, connectorId); // before anything starts or is asked for
    }
    try (LiveRun run = LiveRun.open(plugboard, connectorId, options)) {
      ConnectResult result = run.connect(connectorId, run.values(connectorId, values, options.json), name, options.json);
      int code = run.print(result.report(), options.json,
          result.connection().map(c -> Map.of("connection", c.name())).orElse(Map.of()));
      if (!options.json) {
        plugboard.environment.out().println(result.connection().map(c -> saved(c, result.replaced()))
            .orElse("Not saved: only a connection that verifies is kept."));
      }
      return code;
    }
  }

  private String saved(Connection connection, Optional<Connection> replaced) {
    Path home = plugboard.home().toAbsolutePath().normalize();
    String homeOption = home.equals(PlugboardCommand.DEFAULT_HOME) ? "" : "--home " + home + " ";
    String kept = replaced.map(old -> "Replaced " + connection.name() + ", verified " + Times.format(connection.checkedAt())
            + " (it was last verified " + Times.format(old.checkedAt()) + ")")
        .orElse("Saved as " + connection.name());
    return kept + " (encrypted, in " + home + ")."
        + " See it with: plugboard " + homeOption + "connections show " + connection.name();
  }
}
