package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP call the host makes, as every call record of the descriptor declares it.
 *
 * @param method {@code GET} (the default) or {@code HEAD}; another method only with {@code sideEffectFree}
 * @param path template relative to {@code http.baseUrl}; {@code ''} for the base URL itself
 * @param authenticated whether the credential headers go with it
 * @param sideEffectFree the author's word on why a call that is not {@code GET} or {@code HEAD} changes nothing
 * @param answers rules for this call's answers, applied before {@code http.answers}
 */
public record Call(String method, String path, boolean authenticated, Optional<String> sideEffectFree, List<AnswerRule> answers) {

  public Call {
    sideEffectFree = Checks.optional(sideEffectFree);
    method = Checks.method(method, sideEffectFree, "method");
    Checks.relativePath(path, "path");
    answers = Checks.list(answers, "answers");
  }

  /** Reads the call components every call record shares; {@code authenticated} is true unless stated. */
  static Call of(String method, String path, Boolean authenticated, Optional<String> sideEffectFree, List<AnswerRule> answers) {
    return new Call(method, path, authenticated == null || authenticated, sideEffectFree, answers);
  }

  /** Whether any rule looks into the body, so that the answer's body must be read. */
  public boolean readsBody() {
    return answers.stream().anyMatch(rule -> !rule.match().isEmpty());
  }
}
