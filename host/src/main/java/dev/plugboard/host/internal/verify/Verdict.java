package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Diagnosis;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import dev.plugboard.host.internal.verify.Observed.Probed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges what a verification's calls brought back, by the descriptor's data: which statuses
 * mean rejected credentials, granted or missing scopes, and the two findings that replace
 * per-scope results (the token rejected; every scope refused). Every declared scope is reported.
 */
final class Verdict {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final Trouble trouble;
  private final Findings findings = new Findings();

  Verdict(ConnectorDescriptor descriptor, Rendering rendering, String addressLabel) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.trouble = new Trouble(descriptor.name(), addressLabel, findings);
  }

  VerificationReport report(Observed observed, List<FieldCheck> fields, Instant checkedAt) {
    Account account = observed.account();
    Optional<Evidence> rejection = rejection(observed);
    boolean mismatch = rejection.isEmpty() && everyProbeRefused(observed.probes());
    rejection.ifPresent(evidence -> diagnose("credentials_rejected", descriptor.diagnoses().rejectedCredentials(),
        account, evidence));
    if (mismatch) {
      Evidence first = ((Probed.Sent) observed.probes().values().iterator().next()).outcome().evidence();
      diagnose("credentials_mismatch", descriptor.diagnoses().allScopesForbidden(), account, first);
    }
    List<ScopeCheck> scopes = new ArrayList<>();
    for (Scope scope : descriptor.scopes()) {
      Probed probed = observed.probes().get(scope);
      scopes.add(probed == null ? skipped(scope, null) : judge(scope, probed, account, mismatch));
    }
    Phases phases = new Phases(descriptor, rendering, trouble, findings);
    List<PhaseCheck> checks = List.of(
        new PhaseCheck(Phase.FORMAT, Outcome.PASSED, "every value is present and well-formed"),
        phases.credentials(observed, rejection.isPresent(), mismatch, scopes),
        phases.identity(observed, rejection.isPresent(), mismatch),
        phases.scopes(observed, rejection.isPresent(), mismatch, scopes));
    return new VerificationReport(descriptor.id(), status(checks, scopes), account, checks, fields, scopes,
        findings.problems(), checkedAt);
  }

  private ScopeCheck judge(Scope scope, Probed probed, Account account, boolean mismatch) {
    if (probed instanceof Probed.NotSent notSent) {
      findings.add("missing_account_value", notSent.reason(), "The plugin's descriptor should give this value a"
          + " default (identity.defaults); report it to the plugin's authors.", notSent.evidence(), scope.name());
      return check(scope, ScopeCheck.Status.INCONCLUSIVE, notSent.evidence(), "");
    }
    HttpOutcome outcome = ((Probed.Sent) probed).outcome();
    if (!(outcome instanceof Answered answered)) {
      trouble.record(outcome, scope.name());
      return check(scope, ScopeCheck.Status.INCONCLUSIVE, outcome.evidence(), "");
    }
    int status = answered.status();
    if (descriptor.http().rejectedStatuses().contains(status)) {
      return skipped(scope, annotate(answered.evidence(), "the credentials were rejected: see credentials_rejected"));
    }
    if (mismatch) {
      return skipped(scope, annotate(answered.evidence(),
          "refused like every other scope: the credentials do not belong together (see credentials_mismatch)"));
    }
    if (scope.probe().granted().contains(status)) {
      return check(scope, ScopeCheck.Status.GRANTED, answered.evidence(), "");
    }
    if (scope.probe().missing().contains(status)) {
      String remediation = rendering.remediation(descriptor.remediationFor(scope), account, scope);
      return check(scope, ScopeCheck.Status.MISSING, answered.evidence(), remediation);
    }
    trouble.unexpected(answered, scope.name());
    return check(scope, ScopeCheck.Status.INCONCLUSIVE,
        annotate(answered.evidence(), status + " proves neither granted nor missing"), "");
  }

  /** The call whose status says the credentials were rejected, if one did. */
  private Optional<Evidence> rejection(Observed observed) {
    List<HttpOutcome> outcomes = new ArrayList<>(List.of(observed.credentials(), observed.identity()));
    observed.probes().values().stream()
        .filter(Probed.Sent.class::isInstance)
        .map(sent -> ((Probed.Sent) sent).outcome())
        .forEach(outcomes::add);
    return outcomes.stream()
        .filter(outcome -> outcome instanceof Answered answered
            && descriptor.http().rejectedStatuses().contains(answered.status()))
        .map(HttpOutcome::evidence)
        .findFirst();
  }

  /** Every scope probed and every probe answered with a "missing" status: the credentials do not match. */
  private static boolean everyProbeRefused(Map<Scope, Probed> probes) {
    return !probes.isEmpty() && probes.entrySet().stream().allMatch(entry ->
        entry.getValue() instanceof Probed.Sent sent
            && sent.outcome() instanceof Answered answered
            && entry.getKey().probe().missing().contains(answered.status()));
  }

  private void diagnose(String code, Diagnosis diagnosis, Account account, Evidence evidence) {
    findings.add(code, rendering.text(diagnosis.message(), account, null),
        rendering.remediation(diagnosis.remediation(), account, null), evidence);
  }

  /** Failed if anything failed; else inconclusive if anything could not be decided; else verified. */
  private static VerificationReport.Status status(List<PhaseCheck> phases, List<ScopeCheck> scopes) {
    if (phases.stream().anyMatch(phase -> phase.status() == Outcome.FAILED)) {
      return VerificationReport.Status.FAILED;
    }
    boolean undecided = phases.stream().anyMatch(phase -> phase.status() != Outcome.PASSED)
        || scopes.stream().anyMatch(scope -> scope.status() != ScopeCheck.Status.GRANTED);
    return undecided ? VerificationReport.Status.INCONCLUSIVE : VerificationReport.Status.VERIFIED;
  }

  private static ScopeCheck skipped(Scope scope, Evidence evidence) {
    return check(scope, ScopeCheck.Status.SKIPPED, evidence, "");
  }

  private static ScopeCheck check(Scope scope, ScopeCheck.Status status, Evidence evidence, String remediation) {
    return new ScopeCheck(scope.name(), scope.permission(), scope.id(), status, evidence, remediation);
  }

  static Evidence annotate(Evidence evidence, String detail) {
    return new Evidence(evidence.method(), evidence.host(), evidence.path(), evidence.status(), evidence.attempts(),
        evidence.millis(), detail);
  }
}
