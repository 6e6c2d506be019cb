package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.internal.json.Mappers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ObjectNode;

/** {@code plugboard describe CONNECTOR}: the setup guide, the fields and the scope table. */
@Command(
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
        ObjectNode document = Mappers.output().createObjectNode();
        document.put("plugin", plugin);
        document.setAll((ObjectNode) Mappers.output().valueToTree(descriptor));
        plugboard.environment.out().println(Mappers.output().writeValueAsString(document));
      } else {
        new DescriptorPrinter(plugboard.environment.out()).print(descriptor, plugin);
      }
      return ExitCode.OK;
    }
  }
}
