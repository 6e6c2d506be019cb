package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Identity;
import dev.plugboard.host.Account;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.json.Mappers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Names the account from the JSON answers: each of the identity call's values (and the platform
 * check's) by its JSON Pointer, the defaults where the answers have none, and the display
 * template filled in when every value it names is known.
 */
final class IdentityReader {

  private final ConnectorDescriptor descriptor;
  private final Identity identity;
  private final Rendering rendering;

  IdentityReader(ConnectorDescriptor descriptor, Rendering rendering) {
    this.descriptor = descriptor;
    this.identity = descriptor.identity();
    this.rendering = rendering;
  }

  /**
   * What the answers say of the account.
   *
   * @param account the account: the answers' values, else the defaults
   * @param identityRead whether the identity call answered 2xx with a JSON object
   * @param named the identity values the answer itself gave (not defaults)
   */
  record Read(Account account, boolean identityRead, int named) {}

  Read read(Optional<HttpOutcome> platform, HttpOutcome identityOutcome) {
    Map<String, String> values = new LinkedHashMap<>();
    platform.flatMap(IdentityReader::json).ifPresent(root -> descriptor.platformCheck().ifPresent(check ->
        check.values().forEach((key, pointer) -> value(root, pointer).ifPresent(v -> values.put(key, v)))));
    Optional<JsonNode> answer = json(identityOutcome);
    int named = 0;
    for (Map.Entry<String, String> entry : identity.values().entrySet()) {
      Optional<String> value = answer.flatMap(root -> value(root, entry.getValue()));
      if (value.isPresent()) {
        values.put(entry.getKey(), value.get());
        named++;
      } else if (!values.containsKey(entry.getKey()) && identity.defaults().containsKey(entry.getKey())) {
        values.put(entry.getKey(), identity.defaults().get(entry.getKey()));
      }
    }
    return new Read(account(values), answer.isPresent(), named);
  }

  /** What is known without an answer: the defaults. */
  Account fromDefaults() {
    return account(new LinkedHashMap<>(identity.defaults()));
  }

  /** The answer as a JSON object, when the call answered 2xx with one. */
  private static Optional<JsonNode> json(HttpOutcome outcome) {
    if (!(outcome instanceof HttpOutcome.Answered answered) || answered.status() / 100 != 2) {
      return Optional.empty();
    }
    try {
      JsonNode root = Mappers.strictJson().readTree(answered.body());
      return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
    } catch (JacksonException notJson) {
      return Optional.empty(); // the caller reports the answer as unreadable; its text may not be shown
    }
  }

  private static Optional<String> value(JsonNode root, String pointer) {
    JsonNode node = root.at(pointer);
    return node.isValueNode() && !node.isNull() && !node.asString().isBlank()
        ? Optional.of(node.asString())
        : Optional.empty();
  }

  private Account account(Map<String, String> values) {
    Account partial = new Account("", values);
    String display = rendering.canRender(identity.display(), partial)
        ? rendering.text(identity.display(), partial, null)
        : "";
    return new Account(display, values);
  }
}
