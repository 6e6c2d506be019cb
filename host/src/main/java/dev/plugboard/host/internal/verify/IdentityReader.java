package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Identity;
import dev.plugboard.host.Account;
import dev.plugboard.host.internal.json.Mappers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Names the account from the identity call's JSON answer: each of the descriptor's values by
 * its JSON Pointer, the defaults where the answer has none, and the display template filled in
 * when every value it names is known.
 */
final class IdentityReader {

  private final Identity identity;
  private final Rendering rendering;

  IdentityReader(Identity identity, Rendering rendering) {
    this.identity = identity;
    this.rendering = rendering;
  }

  /** The account from {@code json}; empty when the answer is not a JSON object. */
  Optional<Account> read(String json) {
    JsonNode root;
    try {
      root = Mappers.strictJson().readTree(json);
    } catch (JacksonException notJson) {
      return Optional.empty(); // the caller reports the answer as unreadable; its text may not be shown
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    identity.values().forEach((key, pointer) -> {
      JsonNode node = root.at(pointer);
      if (node.isValueNode() && !node.isNull() && !node.asString().isBlank()) {
        values.put(key, node.asString());
      } else if (identity.defaults().containsKey(key)) {
        values.put(key, identity.defaults().get(key));
      }
    });
    return Optional.of(account(values));
  }

  /** What is known without an answer: the defaults. */
  Account fromDefaults() {
    Map<String, String> values = new LinkedHashMap<>();
    identity.values().keySet().forEach(key -> {
      if (identity.defaults().containsKey(key)) {
        values.put(key, identity.defaults().get(key));
      }
    });
    return account(values);
  }

  private Account account(Map<String, String> values) {
    Account partial = new Account("", values);
    String display = rendering.canRender(identity.display(), partial)
        ? rendering.text(identity.display(), partial, null)
        : "";
    return new Account(display, values);
  }
}
