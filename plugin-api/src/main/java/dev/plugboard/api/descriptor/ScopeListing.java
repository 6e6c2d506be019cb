package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call whose answer lists the scopes granted, as an alternative to one probe per scope
 * (Shopify: {@code GET oauth/access_scopes.json} → {@code {"access_scopes":[{"handle":"read_orders"}]}}).
 * A declared scope is granted when its {@code id} is listed, or implied by one that is.
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}
 * @param sideEffectFree why a call that is not {@code GET} or {@code HEAD} changes nothing
 * @param answers rules for this call's answers
 * @param pointer JSON Pointer to the array of granted scopes ({@code /access_scopes})
 * @param item JSON Pointer into each element to the scope's id ({@code /handle}); none when the
 *     elements are the ids themselves
 * @param implies scope ids a listed scope grants as well ({@code write_orders: [read_orders]})
 */
public record ScopeListing(
    String method,
    String path,
    Optional<String> sideEffectFree,
    List<AnswerRule> answers,
    String pointer,
    Optional<String> item,
    Map<String, List<String>> implies) {

  public ScopeListing {
    Call call = Call.of(method, path, true, sideEffectFree, answers);
    method = call.method();
    sideEffectFree = call.sideEffectFree();
    answers = call.answers();
    Checks.requireText(pointer, "pointer");
    if (!pointer.startsWith("/")) {
      throw new InvalidDescriptorException("pointer must be a JSON Pointer such as /access_scopes: " + pointer);
    }
    item = Checks.optional(item);
    if (item.isPresent() && !item.get().startsWith("/")) {
      throw new InvalidDescriptorException("item must be a JSON Pointer such as /handle: " + item.get());
    }
    implies = implies == null ? Map.of() : Map.copyOf(implies);
    implies.forEach((scope, implied) -> Checks.list(implied, "implies." + scope));
  }

  public Call call() {
    return new Call(method, path, true, sideEffectFree, answers);
  }
}
