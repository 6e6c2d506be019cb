package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ScopeListing;
import dev.plugboard.host.internal.json.Mappers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the scope ids a listing answer names, and what each implies. */
final class ScopeLists {

  private ScopeLists() {}

  /** The ids listed in {@code body} where {@code listing} says, in the answer's order; empty when there is no such list. */
  static Optional<Set<String>> listedOnly(ScopeListing listing, String body) {
    JsonNode list;
    try {
      JsonNode root = Mappers.strictJson().readTree(body);
      list = root == null ? null : root.at(listing.pointer());
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
    if (list == null || !list.isArray()) {
      return Optional.empty();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode element : list) {
      JsonNode id = listing.item().map(element::at).orElse(element);
      if (id.isValueNode() && !id.isNull() && !id.asString().isBlank()) {
        ids.add(id.asString());
      }
    }
    return Optional.of(ids);
  }

  /** The listed ids and every id they imply. */
  static Optional<Set<String>> read(ScopeListing listing, String body) {
    return listedOnly(listing, body).map(listed -> {
      Set<String> granted = new LinkedHashSet<>(listed);
      listed.forEach(id -> granted.addAll(listing.implies().getOrDefault(id, List.of())));
      return granted;
    });
  }
}
