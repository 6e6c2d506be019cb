package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationEvent;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import java.util.Optional;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One verification's events, sent to its listener one at a time and in order, whatever thread
 * learns them: each scope once, each phase again only when the report changes it, nothing after
 * {@code Finished}. A listener that throws is sent nothing more, and the verification goes on.
 */
final class Progress {

  private final VerificationListener listener;
  private final Set<String> scopesSent = new HashSet<>();
  private final Map<PhaseCheck.Phase, PhaseCheck> phasesSent = new EnumMap<>(PhaseCheck.Phase.class);
  private boolean deaf;
  private boolean finished;

  private Progress(VerificationListener listener) {
    this.listener = listener;
  }

  /** Starts the events of a verification of {@code descriptor}'s connector: {@code Started} is sent. */
  static Progress start(ConnectorDescriptor descriptor, VerificationListener listener) {
    Progress progress = new Progress(listener == null ? VerificationListener.NONE : listener);
    List<ScopeCheck> awaited = descriptor.scopes().stream()
        .map(scope -> new ScopeCheck(scope.name(), scope.permission(), scope.id(), ScopeCheck.Status.SKIPPED, Optional.empty(), ""))
        .toList();
    progress.send(new VerificationEvent.Started(descriptor.id(), awaited));
    return progress;
  }

  synchronized void phase(PhaseCheck phase) {
    if (!finished && !phase.equals(phasesSent.get(phase.phase()))) {
      phasesSent.put(phase.phase(), phase);
      send(new VerificationEvent.PhaseDecided(phase));
    }
  }

  synchronized void scope(ScopeCheck scope) {
    if (!finished && scopesSent.add(scope.name())) {
      send(new VerificationEvent.ScopeDecided(scope));
    }
  }

  /**
   * Sends what the report decided and no event did (each scope not yet sent; each phase not sent
   * or sent otherwise, {@code SCOPES} after the scopes), then {@code Finished}. When nothing was
   * sent to the platform ({@code live} false), only the format phase precedes {@code Finished}.
   */
  synchronized void finish(VerificationReport report, boolean live) {
    if (finished) {
      return;
    }
    if (live) {
      report.scopes().forEach(this::scope);
      report.phases().forEach(this::phase);
    } else {
      report.phases().stream().filter(phase -> phase.phase() == PhaseCheck.Phase.FORMAT).forEach(this::phase);
    }
    send(new VerificationEvent.Finished(report));
    finished = true;
  }

  private void send(VerificationEvent event) {
    if (deaf) {
      return;
    }
    try {
      listener.on(event);
    } catch (RuntimeException | Error thrown) {
      if (thrown instanceof VirtualMachineError) {
        throw thrown;
      }
      // The application's listener failed: it hears no more, and the verification is not its to break.
      deaf = true;
    }
  }
}
