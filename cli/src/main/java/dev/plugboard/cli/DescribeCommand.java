package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.JsonOutput;
import dev.plugboard.host.Plugboard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard describe CONNECTOR}: the setup guide, the fields and the scope table. */
@Command(
    addMethodSubcommands = false,
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Shows how to create the credentials, the values to hand over and the scopes to grant.")
final class DescribeCommand implements Callable<Integer> {

  @ParentCommand PlugboardCommand plugboard;

  @Parameters(paramLabel = "CONNECTOR", description = "The connector's id, as plugboard plugins lists them.")
  String connectorId;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    try (Plugboard host = plugboard.open()) {
      ConnectorDescriptor descriptor = host.describe(connectorId);
      String plugin = host.pluginOf(connectorId);
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("plugin", plugin);
        document.putAll(JsonOutput.toMap(descriptor));
        plugboard.environment.out().println(JsonOutput.write(document));
      } else {
        new DescriptorPrinter(plugboard.environment.out(), plugboard.columns()).print(descriptor, plugin);
      }
      return ExitCode.OK;
    }
  }
}
