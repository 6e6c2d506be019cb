package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Excess;
import dev.plugboard.api.descriptor.ExcessCall;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Problem;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings about more permission than the connection needs: a scope the listing names that no
 * declared scope asks for, or an excess call's answer that shows it. Never a failure.
 */
final class ExcessJudge {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final List<Problem> warnings;

  ExcessJudge(ConnectorDescriptor descriptor, Rendering rendering, List<Problem> warnings) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.warnings = warnings;
  }

  void judge(Observed observed) {
    if (descriptor.excess().isEmpty()) {
      return;
    }
    Excess excess = descriptor.excess().get();
    for (Map.Entry<ExcessCall, HttpOutcome> entry : observed.excess().entrySet()) {
      ExcessCall call = entry.getKey();
      if (entry.getValue() instanceof Answered answered
          && Classifier.matches(call.when().status(), call.when().match(), answered)) {
        warnings.add(new Problem(call.id(), rendering.text(call.message(), observed.account(), null),
            rendering.remediation(call.remediation(), observed.account(), null), Optional.of(answered.evidence())));
      }
    }
    if (excess.listed().isPresent() && observed.listing().orElse(null) instanceof Answered answered
        && answered.status() / 100 == 2) {
      Excess.Notice notice = excess.listed().get();
      Set<String> declared = new LinkedHashSet<>(descriptor.scopes().stream().map(Scope::id).toList());
      // a listing was observed, so the descriptor has one
      ScopeLists.listedOnly(descriptor.scopeListing().orElseThrow(), answered.body()).ifPresent(listed -> {
        List<String> extra = listed.stream().filter(id -> !declared.contains(id)).toList();
        if (!extra.isEmpty()) {
          Map<String, String> names = Map.of("excess.ids", String.join(", ", extra));
          warnings.add(new Problem("excess_scopes",
              rendering.text(notice.message(), observed.account(), null, names),
              rendering.remediation(notice.remediation(), observed.account(), null, names),
              Optional.of(Verdict.annotate(answered.evidence(), "listed but not asked for: " + String.join(", ", extra)))));
        }
      });
    }
  }
}
