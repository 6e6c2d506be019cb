package dev.plugboard.api.descriptor;

import java.util.regex.Pattern;

/**
 * A condition on a JSON answer: the value at {@code pointer} equals a text, or holds a match of a
 * regular expression. An answer that is not JSON, or has nothing at the pointer, does not match.
 *
 * @param pointer a JSON Pointer into the answer ({@code /code})
 * @param equals the exact text the value must be
 * @param matches a regular expression the value must contain a match of ({@code (?i)secret is invalid})
 */
public record BodyMatch(String pointer, String equals, String matches) {

  public BodyMatch {
    Checks.requireText(pointer, "pointer");
    if (!pointer.startsWith("/")) {
      throw new InvalidDescriptorException("pointer must be a JSON Pointer such as /code: " + pointer);
    }
    if ((equals == null) == (matches == null)) {
      throw new InvalidDescriptorException("match at " + pointer + " needs exactly one of equals and matches");
    }
    if (matches != null) {
      Field.compile(matches, "matches");
    }
  }

  /** Whether {@code value}, the text at the pointer, meets the condition. */
  public boolean test(String value) {
    return equals != null ? equals.equals(value) : Pattern.compile(matches).matcher(value).find();
  }
}
