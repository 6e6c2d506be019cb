package dev.plugboard.api.descriptor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The small checks every descriptor record shares. */
final class Checks {

  static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  static final Pattern STEP_ID = Pattern.compile("[a-z][a-z0-9-]*");
  static final List<String> READ_ONLY_METHODS = List.of("GET", "HEAD");
  static final List<String> OTHER_METHODS = List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private Checks() {}

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidDescriptorException(name + " is missing");
    }
    return value;
  }

  static String requireIdentifier(String value, String name) {
    requireText(value, name);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new InvalidDescriptorException(
          name + " must be lowercase letters, digits and _ starting with a letter: " + value);
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String name) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidDescriptorException(name + "[" + i + "] is empty");
      }
    }
    return List.copyOf(values);
  }

  /** A copy that keeps the declared order: the order of headers and values is part of the data. */
  static Map<String, String> orderedMap(Map<String, String> values, String name) {
    if (values == null) {
      return Map.of();
    }
    values.forEach((key, value) -> requireText(value, name + "." + key));
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Names, each for a JSON Pointer into an answer ({@code name: /name}), in declared order. */
  static Map<String, String> pointers(Map<String, String> values, String name) {
    Map<String, String> result = orderedMap(values, name);
    result.forEach((key, pointer) -> {
      requireIdentifier(key, name);
      if (!pointer.startsWith("/")) {
        throw new InvalidDescriptorException(name + "." + key + " must be a JSON Pointer such as /name: " + pointer);
      }
    });
    return result;
  }

  static List<Integer> statuses(List<Integer> statuses, List<Integer> otherwise, String name) {
    List<Integer> result = statuses == null || statuses.isEmpty() ? otherwise : list(statuses, name);
    for (int status : result) {
      if (status < 100 || status > 599) {
        throw new InvalidDescriptorException(name + " holds " + status + ", not an HTTP status");
      }
    }
    return result;
  }

  /**
   * A call's method: {@code GET} unless stated; anything but {@code GET} and {@code HEAD} only with
   * the author's word, in {@code sideEffectFree}, on why the call changes nothing.
   */
  static String method(String method, Optional<String> sideEffectFree, String name) {
    String upper = method == null ? "GET" : method.trim().toUpperCase(java.util.Locale.ROOT);
    if (READ_ONLY_METHODS.contains(upper)) {
      return upper;
    }
    if (!OTHER_METHODS.contains(upper)) {
      throw new InvalidDescriptorException(name + " must be one of " + READ_ONLY_METHODS + " or, with sideEffectFree, "
          + OTHER_METHODS + ": " + method);
    }
    if (optional(sideEffectFree).filter(reason -> !reason.isBlank()).isEmpty()) {
      throw new InvalidDescriptorException(name + " is " + upper + ", which may change something: say in"
          + " sideEffectFree why this call changes nothing, or use GET or HEAD");
    }
    return upper;
  }

  /**
   * A path below the connector's base URL: relative, no {@code //}, and no trailing slash before
   * the query (platforms such as BigCommerce answer a trailing slash with an error).
   */
  static String relativePath(String path, String name) {
    if (path == null) {
      throw new InvalidDescriptorException(name + " is missing (write '' for the base URL itself)");
    }
    Template.parse(path, name);
    String beforeQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (path.startsWith("/") || path.contains("://")) {
      throw new InvalidDescriptorException(name + " must be relative to http.baseUrl (no leading /): " + path);
    }
    if (beforeQuery.contains("//") || beforeQuery.endsWith("/")) {
      throw new InvalidDescriptorException(name + " must not hold // or end in /: " + path);
    }
    return path;
  }

  /** A reference to a guide step: its id ({@code copy-api-path}), checked against the guide as a whole. */
  static Optional<String> guideStep(Optional<String> step, String name) {
    Optional<String> given = optional(step);
    if (given.isPresent() && given.get().isBlank()) {
      throw new InvalidDescriptorException(name + " is empty: name a guide step by its id");
    }
    return given.map(String::trim);
  }

  /**
   * An optional key's value: empty when the key is absent. A reader may hand a record {@code null}
   * for a key the file leaves out; the record keeps {@link Optional#empty()} instead.
   */
  static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** An optional number's value: empty when the key is absent (see {@link #optional(Optional)}). */
  static OptionalInt optional(OptionalInt value) {
    return value == null ? OptionalInt.empty() : value;
  }
}
