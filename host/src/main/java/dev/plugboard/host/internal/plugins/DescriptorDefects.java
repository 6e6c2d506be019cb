package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.InvalidDescriptorException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every defect of a descriptor that does not build, each at its true place. The records check
 * themselves as they are built, and a failing record stops Jackson at the first defect; so each
 * part of the file is built on its own, down to the smallest parts that fail, and each failure is
 * reported where it stands.
 */
final class DescriptorDefects {

  private final ObjectMapper mapper;
  private final byte[] content;
  private final DescriptorFormat.Upgraded upgraded;
  private Map<String, TokenStreamLocation> locations;

  DescriptorDefects(ObjectMapper mapper, byte[] content, DescriptorFormat.Upgraded upgraded) {
    this.mapper = mapper;
    this.content = content;
    this.upgraded = upgraded;
  }

  /** A file that is not YAML (or JSON) at all: the parser's first words, with the line. */
  static String unreadable(JacksonException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    return "not valid YAML or JSON: " + message.lines().findFirst().orElse(message) + line(e.getLocation());
  }

  /** Keys no record knows, each with the keys known there. */
  List<String> unknownKeys() {
    return UnknownKeys.all(upgraded.tree(), ConnectorDescriptor.class).stream()
        .map(found -> words(found.message()) + at(found.pointer()))
        .toList();
  }

  /**
   * Every defect beside the unknown keys: the tree without those keys, built part by part, so
   * that one file's defects are all told at once. A part that held an unknown key reports no
   * defect of its own at its own place (the key it lacks is likely the one misspelt).
   */
  List<String> besideUnknownKeys() {
    List<UnknownKeys.Found> unknown = UnknownKeys.all(upgraded.tree(), ConnectorDescriptor.class);
    JsonNode stripped = upgraded.tree().deepCopy();
    Set<String> holders = new HashSet<>();
    for (UnknownKeys.Found found : unknown) {
      String parent = found.pointer().substring(0, found.pointer().lastIndexOf('/'));
      if (stripped.at(parent) instanceof ObjectNode holder) {
        holder.remove(found.key());
      }
      holders.add(at(parent));
    }
    return all(stripped).stream()
        .filter(defect -> holders.stream().noneMatch(place -> !place.isEmpty() && defect.endsWith(place)))
        .toList();
  }

  /** Every defect of the tree, which does not build as a whole. */
  List<String> all() {
    List<String> defects = all(upgraded.tree());
    return defects.isEmpty() ? List.of("the descriptor does not build, for a reason the host cannot place") : defects;
  }

  /** A defect's place in the (upgraded) tree, and its words with the line. */
  private record Found(String pointer, String text) {}

  /** How often the tree is built again without its defective keys, to find the defects those hid. */
  private static final int REPAIRS = 5;

  /**
   * Every defect of {@code tree}. The rules that span parts (a guide step id a field names, say)
   * are checked only once every part builds; so the tree is built again without each defective
   * key, and the defects that then appear are added, except where they may stem from a key taken
   * out: in a part that lost a key, a defect naming that key.
   */
  private List<String> all(JsonNode tree) {
    List<Found> found = defects(tree, ConnectorDescriptor.class, "", "");
    List<String> texts = new ArrayList<>(found.stream().map(Found::text).toList());
    JsonNode repaired = tree.deepCopy();
    Map<String, Set<String>> removed = new HashMap<>();
    for (int round = 0; round < REPAIRS && !found.isEmpty(); round++) {
      for (Found defect : found) {
        int slash = defect.pointer().lastIndexOf('/');
        if (slash < 0) {
          return texts; // a defect of the whole file: nothing to take out
        }
        String parent = defect.pointer().substring(0, slash);
        String key = defect.pointer().substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (!(repaired.at(parent) instanceof ObjectNode holder) || holder.remove(key) == null) {
          return texts;
        }
        removed.computeIfAbsent(parent, p -> new HashSet<>()).add(key);
      }
      found = defects(repaired, ConnectorDescriptor.class, "", "");
      for (Found defect : found) {
        boolean mayStemFromRemoval = removed.entrySet().stream()
            .anyMatch(entry -> (defect.pointer().equals(entry.getKey()) || defect.pointer().startsWith(entry.getKey() + "/"))
                && entry.getValue().stream().anyMatch(defect.text()::contains));
        if (!mayStemFromRemoval && !texts.contains(defect.text())) {
          texts.add(defect.text());
        }
      }
    }
    return texts;
  }

  private List<Found> defects(JsonNode node, Type type, String pointer, String path) {
    try {
      mapper.treeToValue(node, mapper.constructType(type));
      return List.of();
    } catch (JacksonException | InvalidDescriptorException e) {
      List<Found> inside = inside(node, type, pointer, path);
      return inside.isEmpty() ? own(e, node, pointer, path) : inside;
    }
  }

  /** The defects of the parts of {@code node}, each built on its own. */
  private List<Found> inside(JsonNode node, Type type, String pointer, String path) {
    List<Found> defects = new ArrayList<>();
    RecordTree.parts(node, type, pointer, path,
        (part, partType, partPointer, partPath) -> defects.addAll(defects(part, partType, partPointer, partPath)));
    return defects;
  }

  /** A part whose own parts all build, but which does not: its own rule, or the rules that span parts. */
  private List<Found> own(RuntimeException e, JsonNode node, String pointer, String path) {
    InvalidDescriptorException invalid = invalid(e);
    if (invalid != null && invalid.defects().size() > 1 || invalid != null && !invalid.defects().get(0).path().isEmpty()) {
      return invalid.defects().stream()
          .map(defect -> new Found(pointerOf(defect.path()), words(defect.message()) + at(pointerOf(defect.path()))))
          .toList();
    }
    String message = invalid != null ? invalid.getMessage() : jacksonWords((JacksonException) e);
    String key = firstKey(message);
    String where = key != null && node.has(key) ? pointer + "/" + RecordTree.escape(key) : pointer;
    return List.of(new Found(where, words((path.isEmpty() ? "" : path + ": ") + message) + at(where)));
  }

  private static InvalidDescriptorException invalid(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDescriptorException invalid) {
        return invalid;
      }
    }
    return null;
  }

  private static String jacksonWords(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key " + unknown.getPropertyName();
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    String first = message.lines().findFirst().orElse(message);
    // Jackson names Java types; an author knows YAML: say what was expected in its words.
    if (first.contains("from String value") || first.contains("Cannot deserialize value of type")) {
      return "has a value of the wrong kind (" + first.replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1") + ")";
    }
    return first;
  }

  /** The key a record's message starts with ({@code pattern} in "pattern is not a valid ..."). */
  private static String firstKey(String message) {
    int end = 0;
    while (end < message.length() && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
      end++;
    }
    return end == 0 ? null : message.substring(0, end);
  }

  /** {@code fields[0].guideStep} as a JSON Pointer, {@code /fields/0/guideStep}. */
  private static String pointerOf(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("\\.")) {
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket);
      if (!name.isEmpty()) {
        out.append('/').append(RecordTree.escape(name));
      }
      if (bracket >= 0) {
        for (String index : segment.substring(bracket + 1).split("\\[")) {
          out.append('/').append(index.replace("]", ""));
        }
      }
    }
    return out.toString();
  }

  private String words(String message) {
    return upgraded.originalWords(message);
  }

  /** Where {@code pointer} (into the upgraded tree) stands in the file, or the nearest place above it that does. */
  private String at(String pointer) {
    Map<String, TokenStreamLocation> known = locations();
    String original = upgraded.originalPointer(pointer);
    for (String candidate = original; ; candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
      TokenStreamLocation location = known.get(candidate);
      if (location != null) {
        return line(location);
      }
      if (candidate.isEmpty()) {
        return "";
      }
    }
  }

  /** The place of every key and value in the file, by JSON Pointer: one streaming pass, made when first needed. */
  private Map<String, TokenStreamLocation> locations() {
    if (locations == null) {
      locations = new HashMap<>();
      try (JsonParser parser = mapper.createParser(content)) {
        while (parser.nextToken() != null) {
          locations.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(), parser.currentTokenLocation());
        }
      } catch (JacksonException unreadable) {
        // the tree was read, so this does not happen; without places the defects are still told
      }
    }
    return locations;
  }

  private static String line(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
