package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.ConnectResult;
import dev.plugboard.host.JsonOutput;
import dev.plugboard.host.Misspelling;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.VerificationEvent;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code verify} or {@code connect}: the host, the sandbox when asked for, and the
 * values from every source, prompts included.
 */
final class LiveRun implements AutoCloseable {

  private final PlugboardCommand plugboard;
  private final Plugboard host;
  private final SandboxSession sandbox;

  private LiveRun(PlugboardCommand plugboard, Plugboard host, SandboxSession sandbox) {
    this.plugboard = plugboard;
    this.host = host;
    this.sandbox = sandbox;
  }

  static LiveRun open(PlugboardCommand plugboard, String connectorId, RunOptions options) {
    SandboxOptions sandboxOptions = options.sandboxOptions();
    Plugboard host = plugboard.open(options.timeout.value);
    if (!options.sandbox) {
      return new LiveRun(plugboard, host, null);
    }
    try {
      requireKnownScopes(host.describe(connectorId), options.sandboxScopes);
      SandboxSession sandbox = host.startSandbox(connectorId, sandboxOptions);
      plugboard.environment.err().println("plugboard: using the " + sandbox.connectorId() + " sandbox on " + sandbox.address()
          + ", a stand-in for the platform on this machine, for this run only; its account's values are the defaults");
      return new LiveRun(plugboard, host, sandbox);
    } catch (IllegalArgumentException e) {
      host.close();
      throw new UsageException(e.getMessage());
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
  }

  /**
   * A scope {@code --sandbox-scopes} names that is none of the connector's (by name or id, in any
   * case) but near one is answered with that one; any other the sandbox refuses in its own words.
   */
  private static void requireKnownScopes(ConnectorDescriptor descriptor, List<String> given) {
    List<String> known = new ArrayList<>();
    descriptor.scopes().forEach(scope -> {
      known.add(scope.name());
      if (scope.id() != null) {
        known.add(scope.id());
      }
    });
    List<String> names = descriptor.scopes().stream().map(Scope::name).toList();
    for (String scope : given.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      if (known.stream().noneMatch(scope::equalsIgnoreCase)) {
        Misspelling.of(scope, names).ifPresent(near -> {
          throw new UsageException("--sandbox-scopes names a scope " + descriptor.id() + " does not have (did you mean "
              + near + "?); its scopes are: " + String.join(", ", names));
        });
      }
    }
  }

  Plugboard host() {
    return host;
  }

  /**
   * The values to verify: from the options, the environment, the prompts, then the sandbox's
   * defaults. With {@code json}, a required value none of them gives is left out, for the
   * report's field statuses to tell (a front end reading {@code --json} always gets a report).
   */
  Map<String, String> values(String connectorId, ValuesOptions options, boolean json) {
    Map<String, String> defaults = sandbox == null ? Map.of() : sandbox.values();
    GivenValues given = new FormFiller(host, plugboard.environment).fill(connectorId, options, defaults, json);
    given.overrideNotes().forEach(note -> plugboard.environment.err().println("plugboard: " + note));
    return given.asMap();
  }

  /** Verifies {@code values}, its progress shown as it happens when the report is for a person on a terminal. */
  VerificationReport verify(String connectorId, Map<String, String> values, boolean json) {
    return host.verify(connectorId, values, progress(connectorId, json));
  }

  /** Connects, its verification's progress shown as {@link #verify} does. */
  ConnectResult connect(String connectorId, Map<String, String> values, String name, boolean json) {
    VerificationListener progress = progress(connectorId, json);
    return name == null ? host.connect(connectorId, values, progress) : host.connect(connectorId, values, name, progress);
  }

  /**
   * For a person: the heading once the verification starts (not before a store or home that
   * cannot keep anything is refused), and the progress when on a terminal.
   */
  private VerificationListener progress(String connectorId, boolean json) {
    if (json) {
      return VerificationListener.NONE;
    }
    String heading = "Verifying " + connectorId + " (plugin " + host.pluginOf(connectorId) + ")";
    VerificationListener progress = plugboard.environment.outIsTerminal()
        ? new TerminalProgress(plugboard.environment.out(), plugboard.columns().orElse(80))
        : VerificationListener.NONE;
    return event -> {
      if (event instanceof VerificationEvent.Started) {
        plugboard.environment.out().println(heading);
      }
      progress.on(event);
    };
  }

  /** Prints the report, as JSON (with {@code extra} keys) or for a person, and says the exit code. */
  int print(VerificationReport report, boolean json, Map<String, String> extra) {
    if (json) {
      Map<String, Object> document = JsonOutput.toMap(report);
      document.putAll(extra);
      plugboard.environment.out().println(JsonOutput.write(document));
    } else {
      new ReportPrinter(plugboard.environment.out(), plugboard.palette(), plugboard.columns()).print(report);
    }
    return ReportPrinter.exitCode(report);
  }

  @Override
  public void close() {
    try {
      if (sandbox != null) {
        sandbox.close();
      }
    } finally {
      host.close();
    }
  }
}
