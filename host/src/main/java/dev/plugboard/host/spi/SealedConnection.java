package dev.plugboard.host.spi;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connection as a sealed record holds it: the stores' own schema, apart from the public {@link
 * Connection} (whose JSON masks the secrets) so that neither changes the other by accident. Exists
 * only in memory, between JSON and encryption. {@code sandbox} is null for a connection to the
 * platform, and left out of its JSON then (records written before it was kept have none).
 */
record SealedConnection(
    String tenant,
    String name,
    String connector,
    String pluginVersion,
    Map<String, String> values,
    List<String> secretFields,
    Account account,
    List<ScopeCheck> scopes,
    VerificationReport.Status status,
    Instant checkedAt,
    Instant nextCheckAt,
    long version,
    // left out for a connection to the platform, as before it was kept, so that a Plugboard that
    // does not know the key still opens the record
    @JsonInclude(JsonInclude.Include.NON_NULL) SandboxAccount sandbox) {

  static SealedConnection of(Connection connection) {
    return new SealedConnection(connection.tenant(), connection.name(), connection.connector(),
        connection.pluginVersion(), connection.values(), List.copyOf(connection.secretFields()), connection.account(),
        connection.scopes(), connection.status(), connection.checkedAt(), connection.nextCheckAt().orElse(null),
        connection.version(), connection.sandbox().orElse(null));
  }

  Connection toConnection() {
    return new Connection(tenant, name, connector, pluginVersion, values, Set.copyOf(secretFields), account, scopes,
        status, checkedAt, Optional.ofNullable(nextCheckAt), version, Optional.ofNullable(sandbox));
  }

  /** Names the fields only: the values may be secrets. */
  @Override
  public String toString() {
    return "SealedConnection[" + tenant + ", " + name + ", fields=" + values.keySet() + "]";
  }
}
