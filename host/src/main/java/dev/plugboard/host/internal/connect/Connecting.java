package dev.plugboard.host.internal.connect;

import dev.plugboard.host.ConnectResult;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.UnknownConnectorException;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.CheckedValues;
import dev.plugboard.host.internal.sandbox.RunningSandbox;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.store.DefaultNames;
import dev.plugboard.host.internal.verify.Verifications;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The policies of {@code connect} and of verifying a kept connection again: only what verifies is
 * kept, under the name asked for or a default one from the account; a verification again is
 * recorded only into the values it verified, and an {@code INVALID} outcome (nothing sent) not at all.
 * A connection verified against a sandbox this host runs is kept marked with the sandbox's account,
 * and verified again against the same sandbox started afresh, whose values it then records.
 */
public final class Connecting {

  private final Verifications verifications;
  private final ConnectionStore connections;
  private final SandboxLauncher sandboxes;

  public Connecting(Verifications verifications, ConnectionStore connections, SandboxLauncher sandboxes) {
    this.verifications = verifications;
    this.connections = connections;
    this.sandboxes = sandboxes;
  }

  /** Verifies, then keeps the connection under {@code name} (null: the default name) if it verified. */
  public ConnectResult connect(String connectorId, Map<String, String> values, String name,
      VerificationListener listener) {
    if (name != null) {
      ConnectionNames.requireValid(name, connectorId);
    }
    connections.find(name != null ? name : connectorId); // an unreadable store fails before anything is sent
    connections.requireWritable(); // so does a store that could keep nothing
    Verifications.Outcome outcome = verifications.verify(connectorId, values, listener);
    VerificationReport report = outcome.report();
    if (!report.verified()) {
      return new ConnectResult(report, Optional.empty());
    }
    CheckedValues checked = outcome.format().values().orElseThrow();
    Optional<SandboxAccount> sandbox = sandboxCalled(outcome);
    Function<String, Connection> named = kept -> Connection.of(kept, outcome.connector().pluginVersion(),
        checked.fields(), checked.secretFields(), report).withSandbox(sandbox);
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

  /**
   * Verifies {@code tenant}'s connection {@code name} again and records it, with when it is due next
   * if given. A connection made against a sandbox is verified against its sandbox started afresh.
   */
  public VerificationReport verifyConnection(String tenant, String name, Optional<Instant> nextCheckAt) {
    Connection connection = connections.get(tenant, name);
    Verifications.Outcome outcome = connection.sandbox().isPresent()
        ? againstFreshSandbox(connection, connection.sandbox().get())
        : verifications.verify(connection.connector(), connection.values());
    VerificationReport report = outcome.report();
    boolean record = report.status() != VerificationReport.Status.INVALID;
    if (record || nextCheckAt.isPresent()) {
      // Recorded only into the same values: a connect or remove meanwhile is newer, and stands.
      connections.update(tenant, name, kept -> kept.map(current -> {
        if (!current.values().equals(connection.values())) {
          return current;
        }
        Connection verified = record
            ? current.withValues(verifiedValues(connection, outcome)).withVerification(outcome.connector().pluginVersion(), report)
            : current;
        return nextCheckAt.isPresent() ? verified.withNextCheckAt(nextCheckAt) : verified;
      }));
    }
    return report;
  }

  /** The account of the sandbox of this host's that the verification called, if it called one. */
  private Optional<SandboxAccount> sandboxCalled(Verifications.Outcome outcome) {
    return outcome.calledAddress()
        .flatMap(address -> sandboxes.running(outcome.connector().id(), address))
        .map(running -> SandboxAccount.of(running.options()));
  }

  /**
   * Starts the connection's sandbox again with its account's grants and verifies the connection's
   * values with the new sandbox's in their place: a sandbox makes its address and credentials
   * fresh at every start, and accepts only those. Its address is allowed while it runs.
   */
  private Verifications.Outcome againstFreshSandbox(Connection connection, SandboxAccount account) {
    RunningSandbox sandbox;
    try {
      sandbox = sandboxes.start(connection.connector(), account.options());
    } catch (UnknownConnectorException e) {
      throw e;
    } catch (IllegalArgumentException | PlugboardException e) {
      throw new PlugboardException("connection " + connection.name() + " was made against the " + connection.connector()
          + " sandbox, which cannot be started again for it (" + e.getMessage() + "). Remove it (plugboard connections"
          + " remove " + connection.name() + ") and connect again with --sandbox", e);
    }
    try (sandbox) {
      Runnable disallow = verifications.allowWhileRunning(sandbox.extraHost());
      try {
        Map<String, String> values = new LinkedHashMap<>(connection.values());
        values.putAll(sandbox.defaults());
        return verifications.verify(connection.connector(), values);
      } finally {
        disallow.run();
      }
    }
  }

  /** What to record as the connection's values: the ones the fresh sandbox gave, for a sandbox connection. */
  private static Map<String, String> verifiedValues(Connection connection, Verifications.Outcome outcome) {
    return connection.sandbox().isEmpty() ? connection.values()
        : outcome.format().values().map(CheckedValues::fields).orElse(connection.values());
  }
}
