package dev.plugboard.api.descriptor;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A condition on a JSON answer: the value at {@code pointer} equals a text, or holds a match of a
 * regular expression. An answer that is not JSON, or has nothing at the pointer, does not match.
 *
 * @param pointer a JSON Pointer into the answer ({@code /code})
 * @param equals the exact text the value must be
 * @param matches a regular expression the value must contain a match of ({@code (?i)secret is invalid})
 */
public record BodyMatch(String pointer, Optional<String> equals, Optional<String> matches) {

  public BodyMatch {
    Checks.requireText(pointer, "pointer");
    if (!pointer.startsWith("/")) {
      throw new InvalidDescriptorException("pointer must be a JSON Pointer such as /code: " + pointer);
    }
    equals = Checks.optional(equals);
    matches = Checks.optional(matches);
    if (equals.isPresent() == matches.isPresent()) {
      throw new InvalidDescriptorException("match at " + pointer + " needs exactly one of equals and matches");
    }
    matches.ifPresent(regex -> Field.compile(regex, "matches"));
  }

  /** Whether {@code value}, the text at the pointer, meets the condition. */
  public boolean test(String value) {
    return equals.isPresent() ? equals.get().equals(value) : Pattern.compile(matches.get()).matcher(value).find();
  }
}
