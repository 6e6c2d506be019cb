package dev.plugboard.cli;

import static dev.plugboard.host.internal.ConsoleText.safe;

import dev.plugboard.host.internal.ConsoleText;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.UnknownConnectorException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/** Prints one kept connection for a person, secrets masked, the server's text {@link ConsoleText#safe}. */
final class ConnectionPrinter {

  private final PrintWriter out;
  private final Plugboard host;

  ConnectionPrinter(PrintWriter out, Plugboard host) {
    this.out = out;
    this.host = host;
  }

  void print(Connection connection) {
    Optional<ConnectorDescriptor> descriptor = descriptor(connection.connector());
    out.println("Connection " + safe(connection.name()));
    out.println("  Connector:      " + connection.connector() + " (plugin version " + connection.pluginVersion() + ")");
    connection.sandbox().ifPresent(sandbox -> out.println("  Sandbox:        made against the " + connection.connector()
        + " sandbox, " + (sandbox.grantsAll() ? "every scope" : safe(String.join(", ", sandbox.grantedScopes())))
        + " granted; verifying it again starts the sandbox again"));
    out.println("  Account:        " + (connection.account().display().isEmpty() ? "unknown" : safe(connection.account().display())));
    out.println("  Last verified:  " + Times.format(connection.checkedAt()) + ", " + Words.lower(connection.status()));
    out.println("  Values (secrets masked):");
    Map<String, String> values = connection.maskedValues();
    int width = values.keySet().stream().mapToInt(id -> safe(label(descriptor, id)).length()).max().orElse(0);
    values.forEach((id, value) -> out.printf("    %-" + width + "s  %s%n", safe(label(descriptor, id)), safe(value)));
    if (!connection.account().values().isEmpty()) {
      out.println("  Account details:");
      connection.account().values().forEach((key, value) -> out.println("    " + safe(key) + ": " + safe(value)));
    }
    long granted = connection.scopes().stream().filter(s -> s.status() == ScopeCheck.Status.GRANTED).count();
    out.println("  Scopes: " + granted + " of " + connection.scopes().size() + " granted");
    for (ScopeCheck scope : connection.scopes()) {
      out.println("    " + Words.lower(scope.status()) + "  " + safe(scope.name()) + " (" + safe(scope.permission()) + ")");
    }
  }

  private Optional<ConnectorDescriptor> descriptor(String connectorId) {
    try {
      return Optional.of(host.describe(connectorId));
    } catch (UnknownConnectorException e) {
      return Optional.empty(); // the plugin is gone; the connection is still shown by field id
    }
  }

  private static String label(Optional<ConnectorDescriptor> descriptor, String fieldId) {
    return descriptor.flatMap(d -> d.field(fieldId)).map(Field::label).orElse(fieldId);
  }
}
