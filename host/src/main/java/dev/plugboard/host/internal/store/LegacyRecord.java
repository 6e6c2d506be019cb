package dev.plugboard.host.internal.store;

import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection as a record of Plugboard 0.1.0's one-file store ({@code connections.json}) holds
 * it: read to migrate such a store. Exists only in memory, between JSON and encryption.
 */
record LegacyRecord(
    String name,
    String connector,
    String pluginVersion,
    Map<String, String> values,
    List<String> secretFields,
    Account account,
    List<ScopeCheck> scopes,
    VerificationReport.Status status,
    Instant checkedAt) {

  static LegacyRecord of(Connection connection) {
    return new LegacyRecord(connection.name(), connection.connector(), connection.pluginVersion(),
        connection.values(), List.copyOf(connection.secretFields()), connection.account(), connection.scopes(),
        connection.status(), connection.checkedAt());
  }

  Connection toConnection() {
    return new Connection(name, connector, pluginVersion, values, Set.copyOf(secretFields), account, scopes, status, checkedAt);
  }

  /** Names the fields only: the values may be secrets. */
  @Override
  public String toString() {
    return "LegacyRecord[" + name + ", fields=" + values.keySet() + "]";
  }
}
