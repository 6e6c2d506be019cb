package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.Misspelling;
import dev.plugboard.host.ValuesException;
import dev.plugboard.host.internal.json.Mappers;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
    Map<String, TokenStreamLocation> keys = keyLocations(text);
    List<String> unknown = root.propertyNames().stream().filter(key -> descriptor.field(key).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new ValuesException(name + " has " + (unknown.size() == 1 ? "a key" : unknown.size() + " keys")
          + " connector " + descriptor.id() + " does not have: " + unknownKeys(unknown, keys, descriptor)
          + "; its fields are " + ids(descriptor));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Field field : descriptor.fields()) {
      JsonNode value = root.get(field.id());
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isString()) {
        throw new ValuesException(name + ": " + field.id() + " must be a JSON string; it is "
            + article(value.getNodeType().name().toLowerCase(Locale.ROOT)) + where(keys.get(field.id())));
      }
      values.put(field.id(), value.asString());
    }
    return values;
  }

  /** At most this many unknown keys are described; the rest are counted. */
  static final int UNKNOWN_KEYS_SHOWN = 3;

  /**
   * The unknown keys by place, not by name: a key may be a value pasted in the wrong spot, and a
   * value may be a secret. A {@link Misspelling} of a field id is named, with the field meant.
   */
  private static String unknownKeys(List<String> unknown, Map<String, TokenStreamLocation> keys,
      ConnectorDescriptor descriptor) {
    List<String> described = new ArrayList<>();
    for (String key : unknown.subList(0, Math.min(UNKNOWN_KEYS_SHOWN, unknown.size()))) {
      String place = where(keys.get(key)).strip();
      Optional<String> meant = Misspelling.of(key, descriptor.fields().stream().map(Field::id).toList());
      described.add(meant.map(id -> key + " " + place + ", meant as " + id + "?").orElse("a key " + place));
    }
    if (unknown.size() > UNKNOWN_KEYS_SHOWN) {
      described.add("and " + (unknown.size() - UNKNOWN_KEYS_SHOWN) + " more");
    }
    return String.join(", ", described);
  }

  /** Where each top-level key starts, for messages; the text is known to parse. */
  private static Map<String, TokenStreamLocation> keyLocations(String text) {
    Map<String, TokenStreamLocation> keys = new HashMap<>();
    try (JsonParser parser = Mappers.strictJson().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME && parser.streamReadContext().getNestingDepth() == 1) {
          keys.putIfAbsent(parser.currentName(), parser.currentTokenLocation());
        }
      }
    } catch (JacksonException e) {
      // parsed once already; places are a convenience
    }
    return keys;
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
