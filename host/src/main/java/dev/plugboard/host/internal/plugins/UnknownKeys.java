package dev.plugboard.host.internal.plugins;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

  /** Every key of {@code node} that {@code record}'s components (and theirs) do not know, in file order. */
  static List<Found> all(JsonNode node, Class<?> record) {
    List<Found> found = new ArrayList<>();
    collect(node, record, "", "", found);
    return found;
  }

  private static void collect(JsonNode node, Type type, String pointer, String path, List<Found> found) {
    if (type instanceof Class<?> record && record.isRecord() && node.isObject()) {
      Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
          .collect(Collectors.toMap(RecordComponent::getName, c -> c));
      for (String key : node.propertyNames()) {
        String childPointer = pointer + "/" + escape(key);
        String childPath = path.isEmpty() ? key : path + "." + key;
        RecordComponent component = components.get(key);
        if (component == null) {
          found.add(new Found(childPointer, childPath, key, components.keySet().stream().sorted().toList()));
        } else {
          collect(node.get(key), component.getGenericType(), childPointer, childPath, found);
        }
      }
    } else if (type instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type element = generic.getActualTypeArguments()[generic.getActualTypeArguments().length - 1];
      if (raw == List.class && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(node.get(i), element, pointer + "/" + i, path + "[" + i + "]", found);
        }
      } else if (raw == Map.class && node.isObject()) {
        for (String key : node.propertyNames()) {
          collect(node.get(key), element, pointer + "/" + escape(key), path + "." + key, found);
        }
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
