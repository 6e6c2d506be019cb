package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call, by default without credentials, proving that the address the user gave is this
 * platform at all (WooCommerce: its REST namespace index answers without a key). Any answer but a
 * {@code granted} status fails the connection with {@code diagnosis}; an address that cannot be
 * reached is reported as such.
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}
 * @param authenticated whether the credential headers go with it; false unless stated
 * @param sideEffectFree why a call that is not {@code GET} or {@code HEAD} changes nothing
 * @param answers rules for this call's answers
 * @param granted statuses that prove the platform is there; {@code [200]} unless stated
 * @param diagnosis the id of the diagnosis reporting any other answer
 * @param values account values to take from the answer, a JSON Pointer each (as {@code identity.values})
 */
public record PlatformCheck(
    String method,
    String path,
    Boolean authenticated,
    Optional<String> sideEffectFree,
    List<AnswerRule> answers,
    List<Integer> granted,
    String diagnosis,
    Map<String, String> values) {

  public PlatformCheck {
    authenticated = authenticated != null && authenticated;
    Call call = Call.of(method, path, authenticated, sideEffectFree, answers);
    method = call.method();
    sideEffectFree = call.sideEffectFree();
    answers = call.answers();
    granted = Checks.statuses(granted, List.of(200), "granted");
    Checks.requireIdentifier(diagnosis, "diagnosis");
    values = Checks.pointers(values, "values");
  }

  public Call call() {
    return new Call(method, path, authenticated, sideEffectFree, answers);
  }
}
