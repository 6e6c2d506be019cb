package dev.plugboard.host;

import java.util.List;

/** No loaded plugin contributes the connector asked for. */
public final class UnknownConnectorException extends PlugboardException {

  private final String connectorId;

  public UnknownConnectorException(String connectorId, List<String> available) {
    super("no connector " + connectorId + " is loaded"
        + Misspelling.of(connectorId, available).map(near -> "; did you mean " + near + "?").orElse("")
        + (available.isEmpty()
            ? "; no plugin contributes a connector (run `plugboard plugins` to see why)"
            : "; available: " + String.join(", ", available)));
    this.connectorId = connectorId;
  }

  public String connectorId() {
    return connectorId;
  }
}
