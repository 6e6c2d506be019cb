package dev.plugboard.host.internal.form;

import dev.plugboard.host.FieldCheck;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the format phase found.
 *
 * @param fields one check per declared field, in declared order
 * @param values the checked values, present only when every field passed
 * @param cleaned each well-formed value of a field that is not secret as it would be used (cleaned
 *     up, an address cut back to the form the connector keeps), whether or not the others passed
 */
public record FormatResult(List<FieldCheck> fields, Optional<CheckedValues> values, Map<String, String> cleaned) {

  public FormatResult {
    fields = List.copyOf(fields);
    Objects.requireNonNull(values, "values == null");
    cleaned = Map.copyOf(cleaned);
  }


  public boolean passed() {
    return values.isPresent();
  }
}
