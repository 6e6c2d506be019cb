package dev.plugboard.api.descriptor;

import java.util.Map;

/**
 * The call that names the account once connected, shown to the user as "connected to ...".
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}
 * @param values what to keep from the JSON answer: a name for each JSON Pointer
 *     ({@code name: /name}); templates name them as {@code {account.name}}
 * @param defaults values to use when the answer lacks one or the call is refused
 * @param display how the account is shown, a template such as {@code {account.name} ({account.domain})}
 */
public record Identity(
    String method, String path, Map<String, String> values, Map<String, String> defaults, String display) {

  public Identity {
    method = Checks.readOnlyMethod(method, "method");
    Checks.relativePath(path, "path");
    values = Checks.orderedMap(values, "values");
    if (values.isEmpty()) {
      throw new InvalidDescriptorException("values is missing: name at least one value to take from the answer");
    }
    values.forEach((key, pointer) -> {
      Checks.requireIdentifier(key, "values");
      if (!pointer.startsWith("/")) {
        throw new InvalidDescriptorException("values." + key + " must be a JSON Pointer such as /name: " + pointer);
      }
    });
    defaults = Checks.orderedMap(defaults, "defaults");
    for (String key : defaults.keySet()) {
      if (!values.containsKey(key)) {
        throw new InvalidDescriptorException("defaults." + key + " names no entry of values " + values.keySet());
      }
    }
    Checks.requireText(display, "display");
    Template.parse(display, "display");
  }
}
