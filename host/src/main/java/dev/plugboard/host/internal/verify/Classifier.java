package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.AnswerOutcome;
import dev.plugboard.api.descriptor.AnswerRule;
import dev.plugboard.api.descriptor.BodyMatch;
import dev.plugboard.api.descriptor.Call;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Diagnosis;
import dev.plugboard.api.descriptor.Probe;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import dev.plugboard.host.internal.json.Mappers;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Tells what an answer means for the call that got it, from the descriptor alone: the call's own
 * rules, then {@code http.answers}, then the call's granted and missing statuses, then
 * {@code http.rejectedStatuses}. Rules may look into the JSON body, for platforms whose statuses
 * alone cannot tell a wrong secret from a missing permission.
 */
final class Classifier {

  private final ConnectorDescriptor descriptor;

  Classifier(ConnectorDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  /** Whether answers to {@code call} must be read for their body: some rule that applies looks into it. */
  boolean readsBody(Call call) {
    return call.readsBody() || descriptor.http().answers().stream().anyMatch(rule -> !rule.match().isEmpty());
  }

  /** What {@code answered} means for {@code scope}, whose probe got it. */
  Meaning classify(Scope scope, Answered answered) {
    Probe probe = probeOf(scope);
    return classify(probe.call(), probe.granted(), probe.missing(), answered);
  }

  /**
   * The call proving {@code scope}. A scope has one whenever the descriptor has no scope listing
   * (its cross-check says so), and only then is one sent or judged.
   */
  static Probe probeOf(Scope scope) {
    return scope.probe().orElseThrow();
  }

  /**
   * What {@code answered} means for {@code call}.
   *
   * @param granted the call's statuses that mean granted
   * @param missing the call's statuses that mean missing
   */
  Meaning classify(Call call, List<Integer> granted, List<Integer> missing, Answered answered) {
    Body body = new Body(answered.body());
    for (List<AnswerRule> rules : List.of(call.answers(), descriptor.http().answers())) {
      for (AnswerRule rule : rules) {
        if (rule.status().contains(answered.status()) && rule.match().stream().allMatch(body::holds)) {
          return meaning(rule.outcome(), rule.diagnosis());
        }
      }
    }
    if (granted.contains(answered.status())) {
      return new Meaning.Granted();
    }
    if (missing.contains(answered.status())) {
      return new Meaning.Missing(Optional.empty());
    }
    if (descriptor.http().rejectedStatuses().contains(answered.status())) {
      return new Meaning.Rejected(Diagnosis.CREDENTIALS_REJECTED);
    }
    return new Meaning.Undecided();
  }

  /**
   * Why the platform check's answer fails the connection: the diagnosis a rule names, else the
   * platform check's own; empty when the answer proves the platform is there (or the descriptor
   * has no platform check).
   */
  Optional<String> platformRejection(Answered answered) {
    return descriptor.platformCheck().flatMap(check -> {
      Meaning meaning = classify(check.call(), check.granted(), List.of(), answered);
      if (meaning instanceof Meaning.Granted) {
        return Optional.empty();
      }
      return Optional.of(meaning instanceof Meaning.Rejected rejected
          && !rejected.diagnosis().equals(Diagnosis.CREDENTIALS_REJECTED) ? rejected.diagnosis() : check.diagnosis());
    });
  }

  /** Whether {@code answered} meets {@code status} and every {@code match}. */
  static boolean matches(List<Integer> status, List<BodyMatch> match, Answered answered) {
    Body body = new Body(answered.body());
    return status.contains(answered.status()) && match.stream().allMatch(body::holds);
  }

  private static Meaning meaning(AnswerOutcome outcome, Optional<String> diagnosis) {
    return switch (outcome) {
      case GRANTED -> new Meaning.Granted();
      case MISSING -> new Meaning.Missing(diagnosis);
      case REJECTED -> new Meaning.Rejected(diagnosis.orElse(Diagnosis.CREDENTIALS_REJECTED));
    };
  }

  /** An answer's body, read as JSON once and only when a rule asks. */
  private static final class Body {
    private final String text;
    private JsonNode json;
    private boolean read;

    Body(String text) {
      this.text = text;
    }

    boolean holds(BodyMatch match) {
      JsonNode node = json().at(match.pointer());
      return node.isValueNode() && !node.isNull() && match.test(node.asString());
    }

    private JsonNode json() {
      if (!read) {
        read = true;
        try {
          json = text.isEmpty() ? null : Mappers.strictJson().readTree(text);
        } catch (JacksonException notJson) {
          json = null; // an answer that is not JSON matches no body condition
        }
        if (json == null) {
          json = Mappers.strictJson().missingNode();
        }
      }
      return json;
    }
  }
}
