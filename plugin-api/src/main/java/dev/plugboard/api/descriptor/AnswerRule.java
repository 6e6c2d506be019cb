package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * What an answer means, told by its status and, where the status alone cannot tell, its body.
 * Platforms such as WooCommerce answer 401 for a wrong secret and for a key without read
 * permission alike; only the body's {@code code} and {@code message} tell them apart.
 *
 * <pre>{@code
 * - status: [401]
 *   match: [{pointer: /message, matches: '(?i)consumer secret is invalid'}]
 *   outcome: rejected
 *   diagnosis: wrong_secret
 * }</pre>
 *
 * @param status the statuses the rule applies to
 * @param match conditions on the JSON body, all of which must hold; none for a status-only rule
 * @param outcome what a matching answer means
 * @param diagnosis the id of the diagnosis that reports it, if a particular one does
 */
public record AnswerRule(List<Integer> status, List<BodyMatch> match, AnswerOutcome outcome, Optional<String> diagnosis) {

  public AnswerRule {
    status = Checks.statuses(status, List.of(), "status");
    if (status.isEmpty()) {
      throw new InvalidDescriptorException("status is missing: name the statuses the rule applies to, such as [401]");
    }
    match = Checks.list(match, "match");
    if (outcome == null) {
      throw new InvalidDescriptorException("outcome is missing; write granted, missing or rejected");
    }
    diagnosis = Checks.optional(diagnosis);
    diagnosis.ifPresent(id -> Checks.requireIdentifier(id, "diagnosis"));
  }
}
