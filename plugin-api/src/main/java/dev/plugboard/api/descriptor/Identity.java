package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call that names the account once connected, shown to the user as "connected to ...".
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}
 * @param sideEffectFree why a call that is not {@code GET} or {@code HEAD} changes nothing
 * @param answers rules for this call's answers
 * @param values what to keep from the JSON answer: a name for each JSON Pointer
 *     ({@code name: /name}); templates name them as {@code {account.name}}
 * @param defaults values to use when the answer lacks one or the call is refused
 * @param expect values the answer must hold, each a template of the user's values: the account
 *     must be the one the values name ({@code store_hash: '{api_path.store_hash}'})
 * @param display how the account is shown, a template such as {@code {account.name} ({account.domain})}
 */
public record Identity(
    String method,
    String path,
    Optional<String> sideEffectFree,
    List<AnswerRule> answers,
    Map<String, String> values,
    Map<String, String> defaults,
    Map<String, String> expect,
    String display) {

  public Identity {
    Call call = Call.of(method, path, true, sideEffectFree, answers);
    method = call.method();
    sideEffectFree = call.sideEffectFree();
    answers = call.answers();
    values = Checks.pointers(values, "values");
    if (values.isEmpty()) {
      throw new InvalidDescriptorException("values is missing: name at least one value to take from the answer");
    }
    defaults = Checks.orderedMap(defaults, "defaults");
    for (String key : defaults.keySet()) {
      if (!values.containsKey(key)) {
        throw new InvalidDescriptorException("defaults." + key + " names no entry of values " + values.keySet());
      }
    }
    expect = Checks.orderedMap(expect, "expect");
    for (Map.Entry<String, String> entry : expect.entrySet()) {
      if (!values.containsKey(entry.getKey())) {
        throw new InvalidDescriptorException("expect." + entry.getKey() + " names no entry of values " + values.keySet());
      }
      Template.parse(entry.getValue(), "expect." + entry.getKey());
    }
    Checks.requireText(display, "display");
    Template.parse(display, "display");
  }

  /** A GET identity call with no rules, expectations or defaults beyond these. */
  public Identity(String path, Map<String, String> values, Map<String, String> defaults, String display) {
    this(null, path, Optional.empty(), null, values, defaults, null, display);
  }

  public Call call() {
    return new Call(method, path, true, sideEffectFree, answers);
  }
}
