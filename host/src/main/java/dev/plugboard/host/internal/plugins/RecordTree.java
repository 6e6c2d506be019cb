package dev.plugboard.host.internal.plugins;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A descriptor file's tree walked one level down beside the record types it binds to: a record's
 * keys, a list's items, a map's values. An optional key ({@code Optional<Probe>}) is walked as
 * the value it holds. Where each part stands is told as a JSON Pointer ({@code /scopes/0/probe})
 * and as a path in the descriptor's words ({@code scopes[0].probe}).
 */
final class RecordTree {

  /** What a walk is told of each part. */
  interface Visitor {
    /** A part {@code type} knows: its node, its type (an optional one unwrapped) and where it stands. */
    void part(JsonNode node, Type type, String pointer, String path);

    /** A key the record does not have, with the keys it does have, sorted. */
    default void unknownKey(String key, List<String> known, String pointer, String path) {}
  }

  private RecordTree() {}

  /** Tells {@code visitor} of every part of {@code node} read as {@code type}, standing at {@code pointer} and {@code path}. */
  static void parts(JsonNode node, Type type, String pointer, String path, Visitor visitor) {
    Type bound = valueType(type);
    if (bound instanceof Class<?> record && record.isRecord() && node.isObject()) {
      Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
          .collect(Collectors.toMap(RecordComponent::getName, c -> c));
      for (String key : node.propertyNames()) {
        String childPointer = pointer + "/" + escape(key);
        String childPath = path.isEmpty() ? key : path + "." + key;
        RecordComponent component = components.get(key);
        if (component == null) {
          visitor.unknownKey(key, List.copyOf(new TreeSet<>(components.keySet())), childPointer, childPath);
        } else if (!component.getType().isPrimitive()) {
          visitor.part(node.get(key), valueType(component.getGenericType()), childPointer, childPath);
        }
      }
    } else if (bound instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type element = valueType(generic.getActualTypeArguments()[generic.getActualTypeArguments().length - 1]);
      if (raw == List.class && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          visitor.part(node.get(i), element, pointer + "/" + i, path + "[" + i + "]");
        }
      } else if (raw == Map.class && node.isObject()) {
        for (String key : node.propertyNames()) {
          visitor.part(node.get(key), element, pointer + "/" + escape(key), path + "." + key);
        }
      }
    }
  }

  /** The type a file's value is read as: an optional key's is the type it holds. */
  static Type valueType(Type type) {
    return type instanceof ParameterizedType generic && generic.getRawType() == Optional.class
        ? generic.getActualTypeArguments()[0]
        : type;
  }

  /** {@code key} as one step of a JSON Pointer. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
