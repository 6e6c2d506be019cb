package dev.plugboard.host;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The format phase over a form's values, as a form shows it: each field's check, and each value
 * the host would use otherwise than typed.
 *
 * @param fields one check per declared field, in declared order
 * @param cleaned each well-formed value of a field that is not secret as the host would use it:
 *     cleaned up ({@link FormField#normalize(String)}) and, for an address, cut back to the form
 *     the connector keeps (a pasted admin page's address to the site's own); secrets are never in it
 */
public record ValueChecks(List<FieldCheck> fields, Map<String, String> cleaned) {

  public ValueChecks {
    fields = List.copyOf(fields);
    cleaned = Map.copyOf(Objects.requireNonNull(cleaned, "cleaned == null"));
  }
}
