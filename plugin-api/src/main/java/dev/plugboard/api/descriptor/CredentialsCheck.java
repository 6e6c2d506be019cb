package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The cheapest call that tells whether the platform accepts the credentials at all. A status in
 * {@code http.rejectedStatuses}, or an answer a rule calls rejected, means they were rejected.
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}
 * @param sideEffectFree why a call that is not {@code GET} or {@code HEAD} changes nothing
 * @param answers rules for this call's answers
 */
public record CredentialsCheck(String method, String path, Optional<String> sideEffectFree, List<AnswerRule> answers) {

  public CredentialsCheck {
    Call call = Call.of(method, path, true, sideEffectFree, answers);
    method = call.method();
    sideEffectFree = call.sideEffectFree();
    answers = call.answers();
  }

  public Call call() {
    return new Call(method, path, true, sideEffectFree, answers);
  }
}
