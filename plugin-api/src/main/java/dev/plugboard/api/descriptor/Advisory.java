package dev.plugboard.api.descriptor;

import java.util.regex.Pattern;

/**
 * What a value usually looks like. A value that passes the field's pattern but not this one is
 * accepted with {@code message} as a warning (formats platforms do not document are checked
 * leniently, then warned about).
 */
public record Advisory(String pattern, String message) {

  public Advisory {
    Checks.requireText(pattern, "advisory.pattern");
    Checks.requireText(message, "advisory.message");
    Field.compile(pattern, "advisory.pattern");
  }

  /** Whether {@code value} looks as this advisory expects. */
  public boolean matches(String value) {
    return Pattern.compile(pattern).matcher(value).matches();
  }

}
