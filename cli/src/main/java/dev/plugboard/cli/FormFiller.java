package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.PlugboardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Puts together the values {@code verify} and {@code connect} check: every non-interactive source
 * first ({@link ValuesOptions}), then, when a required value is still missing, the terminal asks
 * for every value not given yet. Without a terminal, defaults fill what they can and a required
 * value still missing is a usage error (exit 2) naming every way to give it.
 *
 * <pre>{@code
 * GivenValues given = new FormFiller(host, environment).fill(connectorId, values, Map.of());
 * VerificationReport report = host.verify(connectorId, given.asMap());
 * }</pre>
 */
final class FormFiller {

  private final Plugboard host;
  private final CliEnvironment environment;
  private final Supplier<Optional<TerminalInput>> terminal;

  FormFiller(Plugboard host, CliEnvironment environment) {
    this(host, environment, () -> TerminalInput.system(environment));
  }

  FormFiller(Plugboard host, CliEnvironment environment, Supplier<Optional<TerminalInput>> terminal) {
    this.host = host;
    this.environment = environment;
    this.terminal = terminal;
  }

  /**
   * The values for {@code connectorId}, each with its source; not yet checked.
   *
   * @param defaults values to offer at the prompts, or to use without a terminal, by field id
   * @throws UsageException when a source cannot be read, a required value cannot be had, or the
   *     user cancelled a prompt
   */
  GivenValues fill(String connectorId, ValuesOptions options, Map<String, String> defaults) {
    return fill(connectorId, options, defaults, false);
  }

  /**
   * {@link #fill(String, ValuesOptions, Map)}; with {@code missingInReport}, a required value
   * still missing is not a usage error but left out, for the report to give it as a field status
   * ({@code --json} always prints a report), and the ways to give it go to standard error.
   */
  GivenValues fill(String connectorId, ValuesOptions options, Map<String, String> defaults, boolean missingInReport) {
    ConnectorDescriptor descriptor = host.describe(connectorId);
    defaults.keySet().stream().filter(id -> descriptor.field(id).isEmpty()).findFirst().ifPresent(id -> {
      throw new PlugboardException("a default is offered for " + id + ", which connector " + connectorId + " does not have");
    });
    GivenValues given = options.gather(host, descriptor, environment);
    List<Field> notGiven = descriptor.fields().stream().filter(f -> !given.values().containsKey(f.id())).toList();
    if (notGiven.stream().anyMatch(Field::required)) {
      Optional<TerminalInput> input = terminal.get();
      if (input.isPresent()) {
        return given.plus(prompt(input.get(), connectorId, notGiven, defaults), descriptor);
      }
    }
    GivenValues filled = given.plus(asGiven(defaults), descriptor);
    List<Field> missing = descriptor.fields().stream()
        .filter(f -> f.required() && !filled.values().containsKey(f.id())).toList();
    if (!missing.isEmpty()) {
      String message = missingMessage(descriptor, missing, filled.givenBlank());
      if (!missingInReport) {
        throw new UsageException(message);
      }
      environment.err().println("plugboard: " + message);
    }
    return filled;
  }

  private Map<String, GivenValues.Given> prompt(
      TerminalInput input, String connectorId, List<Field> fields, Map<String, String> defaults) {
    try (input) {
      return new Prompter(input).ask(host.form(connectorId), fields.stream().map(Field::id).toList(), defaults,
          (id, value) -> check(connectorId, id, value));
    } catch (PromptCancelledException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private FieldCheck check(String connectorId, String fieldId, String value) {
    return host.checkFormat(connectorId, Map.of(fieldId, value)).stream()
        .filter(check -> check.id().equals(fieldId)).findFirst().orElseThrow();
  }

  private static Map<String, GivenValues.Given> asGiven(Map<String, String> defaults) {
    Map<String, GivenValues.Given> given = new LinkedHashMap<>();
    defaults.forEach((id, value) ->
        given.put(id, new GivenValues.Given(value, ValueSource.DEFAULT, ValueSource.DEFAULT.label(), List.of())));
    return given;
  }

  /** Names the missing values and every way to give them without a terminal. */
  static String missingMessage(ConnectorDescriptor descriptor, List<Field> missing, Map<String, String> givenBlank) {
    String labels = missing.stream()
        .map(f -> f.label() + " (" + f.id() + (givenBlank.containsKey(f.id()) ? ", given empty by " + givenBlank.get(f.id()) : "")
            + ")")
        .collect(Collectors.joining(", "));
    StringBuilder message = new StringBuilder("no terminal to ask for " + labels + "; give "
        + (missing.size() == 1 ? "it" : "them") + " with any of:");
    List<String> fileLabels = missing.stream().flatMap(f -> f.fileLabels().stream().limit(1)).toList();
    if (!fileLabels.isEmpty()) {
      message.append("\n  --credentials-file FILE  ").append(descriptor.credentialsFile()
              .map(file -> file.description().strip()).orElse("the platform's credentials file"))
          .append(" (its ").append(String.join(", ", fileLabels)).append(" lines)");
    }
    message.append("\n  --values-file FILE|-     a JSON object, such as {")
        .append(missing.stream().map(f -> "\"" + f.id() + "\": \"...\"").collect(Collectors.joining(", ")))
        .append('}');
    message.append("\n  environment variables    ")
        .append(missing.stream().map(f -> ValuesOptions.environmentVariable(descriptor, f)).collect(Collectors.joining(", ")));
    List<Field> plain = missing.stream().filter(f -> !f.secret()).toList();
    if (!plain.isEmpty()) {
      message.append("\n  --set FIELD=VALUE        for values that are not secret: ")
          .append(plain.stream().map(f -> "--set " + f.id() + "=...").collect(Collectors.joining(" ")));
    }
    return message.toString();
  }
}
