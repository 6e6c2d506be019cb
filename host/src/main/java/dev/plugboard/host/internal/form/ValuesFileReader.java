package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.internal.json.Mappers;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a values file: one JSON object of string values by field id, such as
 * {@code {"api_path": "https://...", "access_token": "..."}}. Keys the connector does not declare
 * are refused, by name; a {@code null} value counts as not given.
 */
public final class ValuesFileReader {

  private ValuesFileReader() {}

  /** The values of {@code file}, by field id. */
  public static Map<String, String> read(ConnectorDescriptor descriptor, Path file) {
    return parse(descriptor, TextInput.file(file, "values file"), "values file " + file.toAbsolutePath().normalize());
  }

  /** The values of a stream, such as standard input for {@code --values-file -}. */
  public static Map<String, String> read(ConnectorDescriptor descriptor, InputStream in, String name) {
    return parse(descriptor, TextInput.stream(in, name), name);
  }

  private static Map<String, String> parse(ConnectorDescriptor descriptor, String text, String name) {
    JsonNode root;
    try {
      root = Mappers.strictJson().readTree(text);
    } catch (JacksonException e) {
      // The parser's own message may quote the file, and the file holds secrets: say where, not what.
      throw new ValuesException(name + " is not valid JSON, or gives a key twice" + where(e.getLocation()));
    }
    if (root == null || root.isMissingNode()) {
      throw new ValuesException(name + " is empty; it must hold one JSON object of values by field id, such as "
          + example(descriptor));
    }
    if (!root.isObject()) {
      throw new ValuesException(name + " must hold one JSON object of values by field id, such as " + example(descriptor)
          + "; it holds " + article(root.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    List<String> unknown = root.propertyNames().stream().filter(key -> descriptor.field(key).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new ValuesException(name + " names " + String.join(", ", unknown) + ", which connector " + descriptor.id()
          + " does not have; its fields are " + ids(descriptor));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Field field : descriptor.fields()) {
      JsonNode value = root.get(field.id());
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isString()) {
        throw new ValuesException(name + ": " + field.id() + " must be a JSON string; it is "
            + article(value.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
      values.put(field.id(), value.asString());
    }
    return values;
  }

  private static String where(TokenStreamLocation location) {
    return location == null || location.getLineNr() < 1
        ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String example(ConnectorDescriptor descriptor) {
    return "{\"" + descriptor.fields().get(0).id() + "\": \"...\"}";
  }

  private static String ids(ConnectorDescriptor descriptor) {
    return descriptor.fields().stream().map(Field::id).collect(Collectors.joining(", "));
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }
}
