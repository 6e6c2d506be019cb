package dev.plugboard.host.internal.connect;

import dev.plugboard.host.ConnectResult;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.CheckedValues;
import dev.plugboard.host.internal.store.DefaultNames;
import dev.plugboard.host.internal.store.FileConnectionStore;
import dev.plugboard.host.internal.verify.Verifications;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The policies of {@code connect} and of verifying a kept connection again: only what verifies is
 * kept, under the name asked for or a default one from the account; a verification again is
 * recorded only into the values it verified, and an {@code INVALID} outcome (nothing sent) not at all.
 */
public final class Connecting {

  private final Verifications verifications;
  private final ConnectionStore connections;

  public Connecting(Verifications verifications, ConnectionStore connections) {
    this.verifications = verifications;
    this.connections = connections;
  }

  /** Verifies, then keeps the connection under {@code name} (null: the default name) if it verified. */
  public ConnectResult connect(String connectorId, Map<String, String> values, String name,
      VerificationListener listener) {
    if (name != null) {
      ConnectionNames.requireValid(name, connectorId);
    }
    connections.find(name != null ? name : connectorId); // an unreadable store fails before anything is sent
    if (connections instanceof FileConnectionStore file) {
      file.requireWritable(); // so does a home nothing can be kept in
    }
    Verifications.Outcome outcome = verifications.verify(connectorId, values, listener);
    VerificationReport report = outcome.report();
    if (!report.verified()) {
      return new ConnectResult(report, Optional.empty());
    }
    CheckedValues checked = outcome.format().values().orElseThrow();
    Function<String, Connection> named = kept -> Connection.of(kept, outcome.connector().pluginVersion(),
        checked.fields(), checked.secretFields(), report);
    if (name != null) {
      Connection connection = named.apply(name);
      AtomicReference<Optional<Connection>> replaced = new AtomicReference<>(Optional.empty());
      Optional<Connection> kept = connections.update(name, existing -> {
        replaced.set(existing);
        return Optional.of(connection);
      });
      return new ConnectResult(report, Optional.of(kept.orElseThrow()), replaced.get());
    }
    DefaultNames.Kept kept = DefaultNames.keep(connections, outcome.connector().descriptor(), report.account(),
        checked, named);
    return new ConnectResult(report, Optional.of(kept.connection()), kept.replaced());
  }

  /** Verifies {@code tenant}'s connection {@code name} again and records it, with when it is due next if given. */
  public VerificationReport verifyConnection(String tenant, String name, Optional<Instant> nextCheckAt) {
    Connection connection = connections.get(tenant, name);
    Verifications.Outcome outcome = verifications.verify(connection.connector(), connection.values());
    VerificationReport report = outcome.report();
    boolean record = report.status() != VerificationReport.Status.INVALID;
    if (record || nextCheckAt.isPresent()) {
      // Recorded only into the same values: a connect or remove meanwhile is newer, and stands.
      connections.update(tenant, name, kept -> kept.map(current -> {
        if (!current.values().equals(connection.values())) {
          return current;
        }
        Connection verified = record ? current.withVerification(outcome.connector().pluginVersion(), report) : current;
        return nextCheckAt.isPresent() ? verified.withNextCheckAt(nextCheckAt) : verified;
      }));
    }
    return report;
  }
}
