package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Diagnosis;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the credentials, identity and scopes phases ended, each in one line with its calls. */
final class Phases {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final Classifier classifier;
  private final Trouble trouble;
  private final Findings findings;

  Phases(ConnectorDescriptor descriptor, Rendering rendering, Classifier classifier, Trouble trouble,
      Findings findings) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.classifier = classifier;
    this.trouble = trouble;
    this.findings = findings;
  }

  PhaseCheck credentials(Observed observed, Optional<Verdict.Rejection> rejection, Optional<Diagnosis> mismatch,
      List<ScopeCheck> scopes) {
    HttpOutcome outcome = observed.credentials();
    List<Evidence> evidence = new ArrayList<>();
    observed.platform().ifPresent(platform -> evidence.add(platform.evidence()));
    evidence.add(outcome.evidence());
    if (rejection.isPresent() || mismatch.isPresent()) {
      Diagnosis diagnosis = rejection.map(found -> descriptor.diagnosis(found.diagnosis()).orElseThrow())
          .orElseGet(mismatch::get);
      return new PhaseCheck(Phase.CREDENTIALS, Outcome.FAILED, rendering.text(diagnosis.message(), observed.account(),
          null), evidence);
    }
    Optional<HttpOutcome> platformTrouble = observed.platform().filter(platform -> !(platform instanceof Answered));
    if (platformTrouble.isPresent()) {
      trouble.record(platformTrouble.get(), null);
      return new PhaseCheck(Phase.CREDENTIALS, Outcome.INCONCLUSIVE, describe(platformTrouble.get()), evidence);
    }
    if (outcome instanceof Answered answered && answered.status() / 100 == 2) {
      return new PhaseCheck(Phase.CREDENTIALS, Outcome.PASSED, descriptor.name() + " accepted the credentials", evidence);
    }
    if (scopes.stream().anyMatch(scope -> scope.status() == ScopeCheck.Status.GRANTED)) {
      return new PhaseCheck(Phase.CREDENTIALS, Outcome.PASSED, descriptor.name()
          + " accepted the credentials (granted scopes prove it)", evidence);
    }
    trouble.record(outcome, null);
    return new PhaseCheck(Phase.CREDENTIALS, Outcome.INCONCLUSIVE, describe(outcome), evidence);
  }

  PhaseCheck identity(Observed observed, Optional<Verdict.Rejection> rejection, Optional<Diagnosis> mismatch) {
    HttpOutcome outcome = observed.identity();
    List<Evidence> evidence = List.of(outcome.evidence());
    if (rejection.isPresent() || mismatch.isPresent() || stoppedEarly(observed)) {
      String why = rejection.isPresent() ? "the connection failed as a whole (" + rejection.get().diagnosis() + ")"
          : mismatch.isPresent() ? "the credentials do not belong together"
          : "the credentials check did not get through";
      return new PhaseCheck(Phase.IDENTITY, Outcome.SKIPPED, "not named: " + why, evidence);
    }
    if (!(outcome instanceof Answered answered)) {
      trouble.record(outcome, "the account's name");
      return new PhaseCheck(Phase.IDENTITY, Outcome.INCONCLUSIVE, describe(outcome), evidence);
    }
    if (answered.status() / 100 == 2 && observed.identityRead() && observed.identityNamed() == 0) {
      findings.add("identity_unnamed", descriptor.name() + " answered " + call(answered) + " with none of the values"
          + " that name the account (" + String.join(", ", descriptor.identity().values().keySet()) + "), so it is not"
          + " known which account the credentials reach.", "Check that the address is " + descriptor.name()
          + "'s own; if it is, " + descriptor.name() + "'s API may have changed and the plugin may need an update.",
          answered.evidence());
      return new PhaseCheck(Phase.IDENTITY, Outcome.FAILED, "the answer names no account", evidence);
    }
    if (answered.status() / 100 == 2 && observed.identityRead()) {
      return named(observed.account(), answered, evidence);
    }
    if (answered.status() / 100 == 2) {
      findings.add("identity_unnamed", descriptor.name() + "'s answer to " + call(answered)
          + " is not the JSON object expected, so it is not known which account the credentials reach.",
          "Check that the address is " + descriptor.name() + "'s own; if it is, " + descriptor.name()
          + "'s API may have changed and the plugin may need an update.", answered.evidence());
      return new PhaseCheck(Phase.IDENTITY, Outcome.FAILED, "the answer could not be read", evidence);
    }
    Optional<Scope> guard = guardingScope();
    boolean refused = guard
        .map(scope -> classifier.classify(scope, answered) instanceof Meaning.Missing)
        .orElse(answered.status() == 403);
    if (!refused) {
      trouble.unexpected(answered, "the account's name");
      return new PhaseCheck(Phase.IDENTITY, Outcome.INCONCLUSIVE, describe(outcome), evidence);
    }
    String needs = guard.map(scope -> ": it needs the scope " + scope.name() + " (" + scope.permission() + ")")
        .orElse("");
    findings.add("identity_unavailable", descriptor.name() + " refused " + call(answered) + " (" + answered.status()
        + "), so the account cannot be named" + needs + ".",
        guard.map(scope -> rendering.remediation(descriptor.remediationFor(scope), observed.account(), scope)).orElse(""),
        answered.evidence());
    return new PhaseCheck(Phase.IDENTITY, Outcome.FAILED, "refused (" + answered.status() + ")" + needs, evidence);
  }

  /** The identity call answered: the account is named, unless the answer names none or another. */
  private PhaseCheck named(Account account, Answered answered, List<Evidence> evidence) {
    List<String> mismatched = new ArrayList<>();
    for (Map.Entry<String, String> expected : descriptor.identity().expect().entrySet()) {
      String want = rendering.text(expected.getValue(), account, null);
      String got = account.values().get(expected.getKey());
      if (got != null && !got.equals(want)) {
        mismatched.add(expected.getKey() + " " + got + " where the values name " + want);
      }
    }
    if (!mismatched.isEmpty()) {
      findings.add("account_mismatch", descriptor.name() + " named another account than the values do: "
          + String.join("; ", mismatched) + ".", "Use the values of one account: take them all again from the"
          + " same place (the credentials file, or the setup guide's steps).", answered.evidence());
      return new PhaseCheck(Phase.IDENTITY, Outcome.FAILED, "another account: " + String.join("; ", mismatched),
          evidence);
    }
    String display = account.display();
    return new PhaseCheck(Phase.IDENTITY, Outcome.PASSED, display.isEmpty() ? "connected" : "connected to " + display,
        evidence);
  }

  PhaseCheck scopes(Observed observed, Optional<Verdict.Rejection> rejection, Optional<Diagnosis> mismatch,
      List<ScopeCheck> scopes) {
    int total = scopes.size();
    if (!observed.scopesAsked() && total > 0) {
      String why = rejection.isPresent() ? "the connection failed as a whole (" + rejection.get().diagnosis() + ")"
          : "the credentials check did not get through";
      return new PhaseCheck(Phase.SCOPES, Outcome.SKIPPED, "not probed: " + why);
    }
    if (mismatch.isPresent()) {
      return new PhaseCheck(Phase.SCOPES, Outcome.SKIPPED,
          "every scope was refused: the credentials do not belong together");
    }
    if (rejection.isPresent()) {
      return new PhaseCheck(Phase.SCOPES, Outcome.SKIPPED, "not decided: the connection failed as a whole ("
          + rejection.get().diagnosis() + ")");
    }
    List<String> missing = names(scopes, ScopeCheck.Status.MISSING);
    List<String> undecided = scopes.stream()
        .filter(scope -> scope.status() == ScopeCheck.Status.INCONCLUSIVE || scope.status() == ScopeCheck.Status.SKIPPED)
        .map(ScopeCheck::name).toList();
    int granted = names(scopes, ScopeCheck.Status.GRANTED).size();
    if (!missing.isEmpty()) {
      return new PhaseCheck(Phase.SCOPES, Outcome.FAILED, missing.size() + " of " + total + " scopes missing: "
          + String.join(", ", missing) + (undecided.isEmpty() ? "" : "; not decided: " + String.join(", ", undecided)));
    }
    if (!undecided.isEmpty()) {
      return new PhaseCheck(Phase.SCOPES, Outcome.INCONCLUSIVE, granted + " of " + total + " scopes granted; not decided: "
          + String.join(", ", undecided));
    }
    return new PhaseCheck(Phase.SCOPES, Outcome.PASSED, "all " + total + " scopes granted");
  }

  /** The scope whose probe is the identity call itself, if one is: refusing it means that scope is missing. */
  private Optional<Scope> guardingScope() {
    return descriptor.scopes().stream()
        .filter(scope -> scope.probe().filter(probe -> probe.method().equals(descriptor.identity().method())
            && probe.path().equals(descriptor.identity().path())).isPresent())
        .findFirst();
  }

  private static boolean stoppedEarly(Observed observed) {
    return unreachable(observed.credentials()) || observed.platform().map(Phases::unreachable).orElse(false);
  }

  private static boolean unreachable(HttpOutcome outcome) {
    return outcome instanceof HttpOutcome.Unreachable || outcome instanceof HttpOutcome.Refused;
  }

  private static List<String> names(List<ScopeCheck> scopes, ScopeCheck.Status status) {
    return scopes.stream().filter(scope -> scope.status() == status).map(ScopeCheck::name).toList();
  }

  private static String call(Answered answered) {
    return answered.evidence().method() + " " + answered.evidence().path();
  }

  private static String describe(HttpOutcome outcome) {
    if (outcome instanceof Answered answered) {
      return "answered " + answered.status() + ", which proves nothing either way";
    }
    return outcome.evidence().detail();
  }
}
