package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The call that proves a scope is granted.
 *
 * @param method {@code GET} (the default) or {@code HEAD}; another only with {@code sideEffectFree}
 * @param path template relative to {@code http.baseUrl}, such as {@code v3/customers?limit=1}
 * @param sideEffectFree why a call that is not {@code GET} or {@code HEAD} changes nothing
 * @param answers rules for this probe's answers, applied before {@code http.answers}
 * @param granted statuses that prove the scope: {@code 200} for a list, and for instance
 *     {@code 404} for a look-up of an object that does not exist, which the platform answers only
 *     after checking the scope
 * @param missing statuses that mean the scope is not granted; {@code [403]} unless stated
 */
public record Probe(
    String method, String path, Optional<String> sideEffectFree, List<AnswerRule> answers, List<Integer> granted,
    List<Integer> missing) {

  public Probe {
    Call call = Call.of(method, path, true, sideEffectFree, answers);
    method = call.method();
    sideEffectFree = call.sideEffectFree();
    answers = call.answers();
    granted = Checks.statuses(granted, List.of(), "granted");
    if (granted.isEmpty()) {
      throw new InvalidDescriptorException("granted is missing: name the statuses that prove the scope, such as [200]");
    }
    missing = Checks.statuses(missing, List.of(403), "missing");
    for (int status : granted) {
      if (missing.contains(status)) {
        throw new InvalidDescriptorException("status " + status + " is in both granted and missing");
      }
    }
  }

  /** A GET probe with no rules of its own. */
  public Probe(String path, List<Integer> granted) {
    this(null, path, Optional.empty(), null, granted, null);
  }

  public Call call() {
    return new Call(method, path, true, sideEffectFree, answers);
  }
}
