package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Call;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Diagnosis;
import dev.plugboard.api.descriptor.DiagnosisTrigger;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.Problem;
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
import java.util.stream.IntStream;

/**
 * Judges what a verification's calls brought back, by the descriptor's data: which answers mean
 * rejected credentials, granted or missing scopes, the named diagnoses that replace per-scope
 * results, and the warnings about more permission than asked. Every declared scope is reported.
 */
final class Verdict {

  /** Any 2xx: a call other than a probe did what it should. */
  static final List<Integer> SUCCESS = IntStream.range(200, 300).boxed().toList();

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final Classifier classifier;
  private final String addressLabel;
  private final Trouble trouble;
  private final Findings findings = new Findings();
  private final List<Problem> warnings = new ArrayList<>();

  Verdict(ConnectorDescriptor descriptor, Rendering rendering, String addressLabel) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.classifier = new Classifier(descriptor);
    this.addressLabel = addressLabel;
    this.trouble = new Trouble(descriptor.name(), addressLabel, findings);
  }

  /**
   * The call that decided the connection fails as a whole, and the diagnosis that says why.
   *
   * @param diagnosis the diagnosis's id
   * @param evidence the call
   */
  record Rejection(String diagnosis, Evidence evidence) {}

  VerificationReport report(Observed observed, List<FieldCheck> fields, Instant checkedAt) {
    Account account = observed.account();
    Optional<Rejection> rejection = rejection(observed);
    Optional<Diagnosis> mismatch = rejection.isPresent() ? Optional.empty() : mismatch(observed.probes());
    rejection.ifPresent(found -> diagnose(found.diagnosis(), account, found.evidence(), null));
    mismatch.ifPresent(diagnosis -> diagnose(diagnosis.id(), account,
        ((Probed.Sent) observed.probes().values().iterator().next()).outcome().evidence(), null));
    List<ScopeCheck> scopes = new ScopeJudge(descriptor, rendering, classifier, trouble, findings)
        .judge(observed, rejection, mismatch);
    new ExcessJudge(descriptor, rendering, warnings).judge(observed);
    Phases phases = new Phases(descriptor, rendering, classifier, trouble, findings);
    List<PhaseCheck> checks = List.of(
        Verifier.FORMAT_PASSED,
        phases.credentials(observed, rejection, mismatch, scopes),
        phases.identity(observed, rejection, mismatch),
        phases.scopes(observed, rejection, mismatch, scopes));
    // An address credentials may not go to is a mistake in the values or the descriptor, not a
    // platform that could not be asked: nothing was sent, as when a value is malformed.
    VerificationReport.Status status = observed.credentials() instanceof HttpOutcome.Refused refused
        && !refused.sentWithout() ? VerificationReport.Status.INVALID : status(checks, scopes);
    // An identity phase that was skipped named no account, whatever its call answered.
    Account named = checks.get(2).status() == Outcome.SKIPPED ? Account.UNKNOWN : account;
    return new VerificationReport(descriptor.id(), status, named, checks, fields, scopes,
        findings.problems(), warnings, checkedAt);
  }

  /**
   * The credentials and identity phases as the first calls alone show them, before any scope is
   * known: what the events say while the probes are out. Use a new verdict for each.
   */
  List<PhaseCheck> provisionalPhases(Observed firstCalls) {
    return report(firstCalls, List.of(), Instant.EPOCH).phases().subList(1, 3);
  }

  /** A judge of single answers as they arrive, for the events: what it finds is not kept. Use a new verdict for each. */
  ScopeJudge provisionalJudge() {
    Findings scratch = new Findings();
    return new ScopeJudge(descriptor, rendering, classifier, new Trouble(descriptor.name(), addressLabel, scratch),
        scratch);
  }

  /**
   * A finding about the connection as a whole from the first calls (the platform check, the
   * credentials check, the identity call), or from every probe alike.
   */
  private Optional<Rejection> rejection(Observed observed) {
    Optional<Rejection> platform = observed.platform().flatMap(this::platformRejection);
    if (platform.isPresent()) {
      return platform;
    }
    for (Optional<Rejection> first : List.of(rejected(descriptor.credentials().call(), observed.credentials()),
        rejected(descriptor.identity().call(), observed.identity()))) {
      if (first.isPresent()) {
        return first;
      }
    }
    return everyProbeRejected(observed.probes());
  }

  private Optional<Rejection> rejected(Call call, HttpOutcome outcome) {
    if (outcome instanceof Answered answered
        && classifier.classify(call, SUCCESS, List.of(), answered) instanceof Meaning.Rejected rejected) {
      return Optional.of(new Rejection(rejected.diagnosis(), answered.evidence()));
    }
    return Optional.empty();
  }

  private Optional<Rejection> platformRejection(HttpOutcome outcome) {
    return outcome instanceof Answered answered
        ? classifier.platformRejection(answered).map(diagnosis -> new Rejection(diagnosis, answered.evidence()))
        : Optional.empty();
  }

  private Optional<Rejection> everyProbeRejected(Map<Scope, Probed> probes) {
    List<Rejection> rejections = new ArrayList<>();
    for (Map.Entry<Scope, Probed> entry : probes.entrySet()) {
      if (!(entry.getValue() instanceof Probed.Sent sent && sent.outcome() instanceof Answered answered
          && classifier.classify(entry.getKey(), answered) instanceof Meaning.Rejected rejected)) {
        return Optional.empty();
      }
      rejections.add(new Rejection(rejected.diagnosis(), answered.evidence()));
    }
    return rejections.stream().findFirst();
  }

  /** Every probe answered "missing", and the descriptor has a diagnosis for that. */
  private Optional<Diagnosis> mismatch(Map<Scope, Probed> probes) {
    Optional<Diagnosis> diagnosis = descriptor.diagnosis(DiagnosisTrigger.EVERY_SCOPE_MISSING);
    boolean everyMissing = !probes.isEmpty() && probes.entrySet().stream().allMatch(entry ->
        entry.getValue() instanceof Probed.Sent sent
            && sent.outcome() instanceof Answered answered
            && classifier.classify(entry.getKey(), answered) instanceof Meaning.Missing);
    return everyMissing ? diagnosis : Optional.empty();
  }

  private void diagnose(String diagnosisId, Account account, Evidence evidence, String subject) {
    Diagnosis diagnosis = descriptor.diagnosis(diagnosisId).orElseThrow();
    findings.add(diagnosis.id(), rendering.text(diagnosis.message(), account, null),
        rendering.remediation(diagnosis.remediation(), account, null), evidence, subject);
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

  static Evidence annotate(Evidence evidence, String detail) {
    return new Evidence(evidence.method(), evidence.host(), evidence.path(), evidence.status(), evidence.attempts(),
        evidence.millis(), detail);
  }
}
