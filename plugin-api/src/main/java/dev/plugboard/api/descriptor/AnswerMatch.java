package dev.plugboard.api.descriptor;

import java.util.List;

/**
 * An answer's statuses and conditions on its JSON body, all of which must hold.
 *
 * @param status the statuses
 * @param match conditions on the body; none for a status-only match
 */
public record AnswerMatch(List<Integer> status, List<BodyMatch> match) {

  public AnswerMatch {
    status = Checks.statuses(status, List.of(), "status");
    if (status.isEmpty()) {
      throw new InvalidDescriptorException("status is missing: name the statuses, such as [404]");
    }
    match = Checks.list(match, "match");
  }
}
