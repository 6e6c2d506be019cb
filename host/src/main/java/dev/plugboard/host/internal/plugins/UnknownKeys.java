package dev.plugboard.host.internal.plugins;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Finds a key the descriptor records do not know. Jackson builds a record only once all its keys
 * are read, so a misspelt key ({@code sumary:}) would otherwise be reported as the key it was
 * meant to be, missing; this walks the file's tree beside the records' components first.
 */
final class UnknownKeys {

  /** Where an unknown key stands: its JSON Pointer, its name and the keys known there. */
  record Found(String pointer, String path, String key, List<String> known) {
    String message() {
      return path + ": unknown key " + key + " (known keys: " + String.join(", ", known) + ")";
    }
  }

  private UnknownKeys() {}

  static Optional<Found> first(JsonNode node, Class<?> record) {
    return first(node, record, "", "");
  }

  private static Optional<Found> first(JsonNode node, Type type, String pointer, String path) {
    if (type instanceof Class<?> record && record.isRecord() && node.isObject()) {
      Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
          .collect(Collectors.toMap(RecordComponent::getName, c -> c));
      for (String key : node.propertyNames()) {
        String childPointer = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        String childPath = path.isEmpty() ? key : path + "." + key;
        RecordComponent component = components.get(key);
        if (component == null) {
          return Optional.of(new Found(childPointer, childPath, key, components.keySet().stream().sorted().toList()));
        }
        Optional<Found> inside = first(node.get(key), component.getGenericType(), childPointer, childPath);
        if (inside.isPresent()) {
          return inside;
        }
      }
    } else if (type instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type element = generic.getActualTypeArguments()[generic.getActualTypeArguments().length - 1];
      if (raw == List.class && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          Optional<Found> inside = first(node.get(i), element, pointer + "/" + i, path + "[" + i + "]");
          if (inside.isPresent()) {
            return inside;
          }
        }
      } else if (raw == Map.class && node.isObject()) {
        for (String key : node.propertyNames()) {
          Optional<Found> inside = first(node.get(key), element, pointer + "/" + key, path + "." + key);
          if (inside.isPresent()) {
            return inside;
          }
        }
      }
    }
    return Optional.empty();
  }
}
