package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * A call whose answer shows that the credentials can do more than the connection needs (a key
 * that can also write where read-only was asked). A matching answer is a warning with a
 * remediation, never a failure; any other answer says nothing.
 *
 * @param id the warning's code in reports ({@code key_can_write})
 * @param method the call's method; anything but {@code GET} and {@code HEAD} needs {@code sideEffectFree}
 * @param path template relative to {@code http.baseUrl}
 * @param sideEffectFree why the call changes nothing, whatever the credentials may do
 * @param when the answer that reveals the excess: its statuses and body conditions
 * @param message what was found
 * @param remediation what to do about it
 */
public record ExcessCall(
    String id, String method, String path, Optional<String> sideEffectFree, AnswerMatch when, String message,
    Remediation remediation) {

  public ExcessCall {
    Checks.requireIdentifier(id, "id");
    Call call = Call.of(method, path, true, sideEffectFree, List.of());
    method = call.method();
    sideEffectFree = call.sideEffectFree();
    if (when == null) {
      throw new InvalidDescriptorException("when is missing: name the answer that shows the excess permission");
    }
    Checks.requireText(message, "message");
    if (remediation == null) {
      throw new InvalidDescriptorException("remediation is missing: say what to do about it");
    }
  }

  public Call call() {
    return new Call(method, path, true, sideEffectFree, List.of());
  }
}
