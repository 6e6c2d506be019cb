package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Diagnosis;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.api.descriptor.ScopeListing;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import dev.plugboard.host.internal.verify.Observed.Probed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Each declared scope's result: from its own probe, or from the one listing call. */
final class ScopeJudge {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final Classifier classifier;
  private final Trouble trouble;
  private final Findings findings;

  ScopeJudge(ConnectorDescriptor descriptor, Rendering rendering, Classifier classifier, Trouble trouble,
      Findings findings) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.classifier = classifier;
    this.trouble = trouble;
    this.findings = findings;
  }

  List<ScopeCheck> judge(Observed observed, Optional<Verdict.Rejection> rejection, Optional<Diagnosis> mismatch) {
    List<ScopeCheck> scopes = new ArrayList<>();
    Optional<Set<String>> listed = observed.listing().flatMap(outcome -> listed(outcome, rejection));
    for (Scope scope : descriptor.scopes()) {
      if (observed.listing().isPresent()) {
        scopes.add(fromListing(scope, observed.listing().get(), listed, rejection, observed.account()));
        continue;
      }
      Probed probed = observed.probes().get(scope);
      scopes.add(probed == null ? skipped(scope, null) : judge(scope, probed, observed.account(), rejection, mismatch));
    }
    return scopes;
  }

  /** One scope from its own probe's answer alone, before any finding about the whole connection. */
  ScopeCheck provisional(Scope scope, Probed probed, Account account) {
    return judge(scope, probed, account, Optional.empty(), Optional.empty());
  }

  /** Every scope from the listing call's answer alone, before any finding about the whole connection. */
  List<ScopeCheck> provisional(HttpOutcome listing, Account account) {
    Optional<Set<String>> listed = listed(listing, Optional.empty());
    return descriptor.scopes().stream()
        .map(scope -> fromListing(scope, listing, listed, Optional.empty(), account))
        .toList();
  }

  private ScopeCheck judge(Scope scope, Probed probed, Account account, Optional<Verdict.Rejection> rejection,
      Optional<Diagnosis> mismatch) {
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
    Meaning meaning = classifier.classify(scope, answered);
    if (meaning instanceof Meaning.Rejected rejected && rejection.isPresent()) {
      return skipped(scope, Verdict.annotate(answered.evidence(),
          "the connection failed as a whole: see " + rejection.get().diagnosis()));
    }
    if (mismatch.isPresent()) {
      return skipped(scope, Verdict.annotate(answered.evidence(),
          "refused like every other scope: the credentials do not belong together (see " + mismatch.get().id() + ")"));
    }
    if (meaning instanceof Meaning.Granted) {
      return check(scope, ScopeCheck.Status.GRANTED, answered.evidence(), "");
    }
    if (meaning instanceof Meaning.Missing missing) {
      return missing(scope, answered.evidence(), missing.diagnosis(), account);
    }
    if (meaning instanceof Meaning.Rejected) {
      // Refused this one call although the credentials check passed: the scope's own result.
      return missing(scope, Verdict.annotate(answered.evidence(), answered.status()
          + " refused this call, though the credentials were accepted"), Optional.empty(), account);
    }
    trouble.unexpected(answered, scope.name());
    return check(scope, ScopeCheck.Status.INCONCLUSIVE,
        Verdict.annotate(answered.evidence(), answered.status() + " proves neither granted nor missing"), "");
  }

  private ScopeCheck missing(Scope scope, Evidence evidence, Optional<String> diagnosisId, Account account) {
    if (diagnosisId.isEmpty()) {
      return check(scope, ScopeCheck.Status.MISSING, evidence,
          rendering.remediation(descriptor.remediationFor(scope), account, scope));
    }
    Diagnosis diagnosis = descriptor.diagnosis(diagnosisId.get()).orElseThrow();
    String remediation = rendering.remediation(diagnosis.remediation(), account, scope);
    findings.add(diagnosis.id(), rendering.text(diagnosis.message(), account, scope), remediation, evidence,
        scope.name(), "Affects: ");
    return check(scope, ScopeCheck.Status.MISSING, evidence, remediation);
  }

  /** The scope ids the listing answer names, with what they imply; empty when it does not list them. */
  private Optional<Set<String>> listed(HttpOutcome outcome, Optional<Verdict.Rejection> rejection) {
    if (rejection.isPresent() || !(outcome instanceof Answered answered) || answered.status() / 100 != 2) {
      return Optional.empty();
    }
    return ScopeLists.read(listing(), answered.body());
  }

  private ScopeCheck fromListing(Scope scope, HttpOutcome outcome, Optional<Set<String>> listed,
      Optional<Verdict.Rejection> rejection, Account account) {
    if (rejection.isPresent()) {
      return skipped(scope, Verdict.annotate(outcome.evidence(), "the connection failed as a whole: see "
          + rejection.get().diagnosis()));
    }
    if (listed.isPresent()) {
      Evidence evidence = Verdict.annotate(outcome.evidence(), listing(scope, listed.get(), outcome));
      return listed.get().contains(scope.id())
          ? check(scope, ScopeCheck.Status.GRANTED, evidence, "")
          : missing(scope, evidence, Optional.empty(), account);
    }
    if (outcome instanceof Answered answered) {
      ScopeListing listing = listing();
      Meaning meaning = classifier.classify(listing.call(), List.of(), List.of(), answered);
      if (meaning instanceof Meaning.Missing missing) {
        return missing(scope, answered.evidence(), missing.diagnosis(), account);
      }
      if (answered.status() / 100 == 2) {
        findings.add("unreadable_answer", descriptor.name() + "'s answer to " + answered.evidence().method() + " "
            + answered.evidence().path() + " does not list scopes where the descriptor says (" + listing.pointer()
            + "), so no scope can be decided.", "If it persists, " + descriptor.name()
            + "'s API may have changed and the plugin may need an update.", answered.evidence(), scope.name());
        return check(scope, ScopeCheck.Status.INCONCLUSIVE, answered.evidence(), "");
      }
      trouble.unexpected(answered, scope.name());
      return check(scope, ScopeCheck.Status.INCONCLUSIVE, answered.evidence(), "");
    }
    trouble.record(outcome, scope.name());
    return check(scope, ScopeCheck.Status.INCONCLUSIVE, outcome.evidence(), "");
  }

  /** How the listing decided {@code scope}: listed itself, implied by a listed scope, or neither. */
  private String listing(Scope scope, Set<String> granted, HttpOutcome outcome) {
    if (!granted.contains(scope.id())) {
      return "not listed: " + scope.id();
    }
    ScopeListing listing = listing();
    Set<String> listedOnly = outcome instanceof Answered answered
        ? ScopeLists.listedOnly(listing, answered.body()).orElse(Set.of()) : Set.of();
    if (listedOnly.contains(scope.id())) {
      return "listed: " + scope.id();
    }
    List<String> by = listedOnly.stream()
        .filter(id -> listing.implies().getOrDefault(id, List.of()).contains(scope.id())).toList();
    return "implied by " + String.join(", ", by) + ": " + scope.id();
  }

  /** The descriptor's scope listing: judged from only when it has one. */
  private ScopeListing listing() {
    return descriptor.scopeListing().orElseThrow();
  }

  private static ScopeCheck skipped(Scope scope, Evidence evidence) {
    return check(scope, ScopeCheck.Status.SKIPPED, evidence, "");
  }

  private static ScopeCheck check(Scope scope, ScopeCheck.Status status, Evidence evidence, String remediation) {
    return new ScopeCheck(scope.name(), scope.permission(), scope.id(), status, Optional.ofNullable(evidence), remediation);
  }
}
