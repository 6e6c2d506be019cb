package dev.plugboard.cli;

import dev.plugboard.host.VerificationReport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard verify CONNECTOR}: every phase, every scope; nothing is stored. */
@Command(
    addMethodSubcommands = false,
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verifies values live (format, credentials, identity, every scope) and stores nothing.")
final class VerifyCommand implements Callable<Integer> {

  @ParentCommand PlugboardCommand plugboard;

  @Parameters(paramLabel = "CONNECTOR", description = "The connector's id, as plugboard plugins lists them.")
  String connectorId;

  @Mixin ValuesOptions values;

  @Mixin RunOptions options;

  @Override
  public Integer call() {
    try (LiveRun run = LiveRun.open(plugboard, connectorId, options)) {
      VerificationReport report = run.verify(connectorId, run.values(connectorId, values, options.json), options.json);
      return run.print(report, options.json, Map.of());
    }
  }
}
