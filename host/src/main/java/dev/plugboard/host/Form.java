package dev.plugboard.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What connecting to a platform asks of a user, drawn from the connector's descriptor: the
 * terminal prompts, {@code plugboard form --format json} and the form's JSON Schema all come from
 * it.
 *
 * <pre>{@code
 * Form form = plugboard.form("shop");
 * form.fields().forEach(field -> System.out.println(field.label() + ": " + field.help()));
 * String schema = plugboard.formJsonSchema("shop");   // for a web form library
 * }</pre>
 *
 * @param connector the connector's id
 * @param name the platform's name
 * @param summary one line saying what connecting gives
 * @param fields the values to ask for, in the order to ask them
 * @param allowedHosts the hosts an address field may name (hosts added for testing included)
 * @param credentialsFile what the platform's credentials file is, if it has one
 * @param maxLength the longest value accepted, in characters
 */
public record Form(
    String connector,
    String name,
    String summary,
    List<FormField> fields,
    List<String> allowedHosts,
    Optional<String> credentialsFile,
    int maxLength) {

  public Form {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(credentialsFile, "credentialsFile == null: use Optional.empty()");
    fields = List.copyOf(fields);
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** The field with this id. */
  public Optional<FormField> field(String id) {
    return fields.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
