package dev.plugboard.host.internal.plugins;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
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
    RecordTree.parts(node, type, pointer, path, new RecordTree.Visitor() {
      @Override
      public void part(JsonNode part, Type partType, String partPointer, String partPath) {
        collect(part, partType, partPointer, partPath, found);
      }

      @Override
      public void unknownKey(String key, List<String> known, String keyPointer, String keyPath) {
        found.add(new Found(keyPointer, keyPath, key, known));
      }
    });
  }
}
