package dev.plugboard.host.internal.form;

import dev.plugboard.host.FieldCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the format phase found.
 *
 * @param fields one check per declared field, in declared order
 * @param values the checked values, present only when every field passed
 */
public record FormatResult(List<FieldCheck> fields, Optional<CheckedValues> values) {

  public FormatResult {
    fields = List.copyOf(fields);
    Objects.requireNonNull(values, "values == null");
  }

  public boolean passed() {
    return values.isPresent();
  }
}
