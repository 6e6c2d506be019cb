package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.PluginApi;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The descriptor format's version, read before anything else, and the upgrade of format 1.0 (a
 * file without {@code format}) to the records of today's format: guide steps get ids
 * ({@code step-1}...) that numeric references are turned into, and the two fixed diagnoses become
 * named ones. Places in an upgraded file are reported as its author wrote them.
 */
final class DescriptorFormat {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
  private static final int MAJOR = Integer.parseInt(ConnectorDescriptor.FORMAT.split("\\.")[0]);
  private static final int MINOR = Integer.parseInt(ConnectorDescriptor.FORMAT.split("\\.")[1]);
  /** 1.0's two diagnosis keys, the ids they become, and the trigger of the second. */
  private static final Map<String, String> DIAGNOSES_10 = new LinkedHashMap<>();

  static {
    DIAGNOSES_10.put("rejectedCredentials", "credentials_rejected");
    DIAGNOSES_10.put("allScopesForbidden", "credentials_mismatch");
  }

  /** A tree ready for the records, and how to name its places as the file names them. */
  record Upgraded(ObjectNode tree, Map<String, String> pointers, Map<String, String> paths) {

    /** The file's pointer for a pointer into the upgraded tree. */
    String originalPointer(String pointer) {
      for (Map.Entry<String, String> entry : pointers.entrySet()) {
        if (pointer.equals(entry.getKey()) || pointer.startsWith(entry.getKey() + "/")) {
          return entry.getValue() + pointer.substring(entry.getKey().length());
        }
      }
      return pointer;
    }

    /** The file's wording of a place ({@code diagnoses.rejectedCredentials}) in a message. */
    String originalWords(String message) {
      String result = message;
      for (Map.Entry<String, String> entry : paths.entrySet()) {
        result = result.replace(entry.getKey(), entry.getValue());
      }
      return result;
    }
  }

  private DescriptorFormat() {}

  /**
   * Checks {@code format} and upgrades the tree to the format the records read.
   *
   * @throws PluginLoadException when the format is not one this host reads
   */
  static Upgraded upgrade(ObjectNode root) {
    JsonNode format = root.get("format");
    if (format == null) {
      return from10(root.deepCopy());
    }
    String text = format.isNumber() ? format.numberValue().toString() : format.asString("");
    Matcher matcher = VERSION.matcher(text.trim());
    if (!format.isValueNode() || !matcher.matches()) {
      throw new PluginLoadException("format must be a version such as '" + ConnectorDescriptor.FORMAT + "': " + text);
    }
    int major = Integer.parseInt(matcher.group(1));
    int minor = Integer.parseInt(matcher.group(2));
    if (major > MAJOR || (major == MAJOR && minor > MINOR)) {
      throw new PluginLoadException("descriptor format " + major + "." + minor + " needs Plugboard plugin-api >= "
          + major + "." + minor + ".0; this host has plugin-api " + PluginApi.VERSION + ", which reads formats 1.0 to "
          + ConnectorDescriptor.FORMAT + ". Update Plugboard, or use a plugin built for this version");
    }
    if (major < MAJOR || (major == 1 && minor == 0)) {
      ObjectNode copy = root.deepCopy();
      copy.remove("format");
      return from10(copy);
    }
    if (major == 1 && minor == 1) {
      return from11(root);
    }
    if (minor != MINOR) { // major is MAJOR here: older and newer ones are dealt with above
      throw new PluginLoadException("format " + text.trim() + " is not a descriptor format: formats are numbered after"
          + " the plugin-api that first reads them, and this host reads 1.0, 1.1 and " + ConnectorDescriptor.FORMAT
          + "; write format: '" + ConnectorDescriptor.FORMAT + "'");
    }
    return new Upgraded(root.deepCopy(), Map.of(), Map.of());
  }

  /**
   * Format 1.1 is today's without what later formats added: a file that declares 1.1 and uses one
   * of those is told to declare the format that has it, so that an older host refuses it as newer
   * (in words) rather than as a list of unknown keys.
   */
  private static Upgraded from11(ObjectNode root) {
    if (root.at("/http/rateLimit/burst").isValueNode()) {
      throw new PluginLoadException("http.rateLimit.burst is new in format " + ConnectorDescriptor.FORMAT
          + ", but the file says format '1.1': write format: '" + ConnectorDescriptor.FORMAT + "'");
    }
    ObjectNode copy = root.deepCopy();
    copy.put("format", ConnectorDescriptor.FORMAT);
    return new Upgraded(copy, Map.of(), Map.of());
  }

  private static Upgraded from10(ObjectNode root) {
    root.put("format", ConnectorDescriptor.FORMAT);
    JsonNode steps = root.at("/guide/steps");
    int count = 0;
    if (steps instanceof ArrayNode array) {
      for (JsonNode step : array) {
        count++;
        if (step instanceof ObjectNode object && !object.has("id")) {
          object.put("id", "step-" + count);
        }
      }
    }
    int stepCount = count;
    renumber(root, stepCount);
    Map<String, String> pointers = new LinkedHashMap<>();
    Map<String, String> paths = new LinkedHashMap<>();
    JsonNode diagnoses = root.get("diagnoses");
    if (diagnoses instanceof ObjectNode old) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      int index = 0;
      for (Map.Entry<String, String> entry : DIAGNOSES_10.entrySet()) {
        JsonNode diagnosis = old.get(entry.getKey());
        if (diagnosis instanceof ObjectNode object) {
          ObjectNode upgraded = JsonNodeFactory.instance.objectNode();
          upgraded.put("id", entry.getValue());
          if (entry.getKey().equals("allScopesForbidden")) {
            upgraded.put("when", "every_scope_missing");
          }
          object.properties().forEach(property -> upgraded.set(property.getKey(), property.getValue()));
          list.add(upgraded);
          pointers.put("/diagnoses/" + index, "/diagnoses/" + entry.getKey());
          paths.put("diagnoses[" + index + "]", "diagnoses." + entry.getKey());
          index++;
        } else {
          throw new PluginLoadException("diagnoses needs both rejectedCredentials and allScopesForbidden"
              + " (or format: '" + ConnectorDescriptor.FORMAT + "' and a list of named diagnoses)");
        }
      }
      old.propertyNames().stream().filter(key -> !DIAGNOSES_10.containsKey(key)).findFirst().ifPresent(key -> {
        throw new PluginLoadException("diagnoses." + key + ": unknown key " + key + " (known keys: "
            + String.join(", ", DIAGNOSES_10.keySet()) + ")");
      });
      root.set("diagnoses", list);
    }
    return new Upgraded(root, pointers, paths);
  }

  /** Turns every {@code guideStep: N} in range into {@code guideStep: step-N}, wherever it stands. */
  private static void renumber(JsonNode node, int steps) {
    if (node instanceof ObjectNode object) {
      JsonNode step = object.get("guideStep");
      if (step != null && step.isIntegralNumber() && step.asInt() >= 1 && step.asInt() <= steps) {
        object.put("guideStep", "step-" + step.asInt());
      } else if (step != null && step.isIntegralNumber()) {
        object.put("guideStep", String.valueOf(step.asInt()));
      }
      object.properties().forEach(property -> renumber(property.getValue(), steps));
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> renumber(element, steps));
    }
  }
}
