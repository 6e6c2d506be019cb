package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.Misspelling;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.ValuesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options that give a connector's values without a terminal, for {@code verify} and
 * {@code connect} to mix in ({@code @Mixin ValuesOptions values;}). Environment variables
 * {@code PLUGBOARD_<CONNECTOR>_<FIELD>} are read too. See {@link ValueSource} for which source wins.
 */
final class ValuesOptions {

  /** The file name that means standard input. */
  private static final String STDIN = "-";

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE|-",
      description = "The credentials file the platform downloaded when you created the credentials"
          + " (describe CONNECTOR says which); - reads standard input.")
  String credentialsFile;

  @Option(
      names = "--values-file",
      paramLabel = "FILE|-",
      description = "A JSON object of values by field id, such as {\"api_path\": \"...\"}; - reads standard input.")
  String valuesFile;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      description = "A value for a field that is not secret (secrets given here would stay in shell history"
          + " and show in the process list). Repeatable.")
  List<String> set = new ArrayList<>();

  /**
   * The values every non-interactive source gives for {@code descriptor}, each with its source.
   *
   * @throws UsageException when a source cannot be used: a missing or malformed file, an unknown
   *     field, a secret given with {@code --set}
   */
  GivenValues gather(Plugboard host, ConnectorDescriptor descriptor, CliEnvironment environment) {
    GivenValues.Builder values = GivenValues.builder(descriptor);
    values.add(ValueSource.SET, "--set", fromSet(descriptor));
    if (STDIN.equals(valuesFile) && STDIN.equals(credentialsFile)) {
      throw new UsageException("--values-file - and --credentials-file - both read standard input; give one of them a file");
    }
    if (valuesFile != null) {
      boolean stdin = valuesFile.equals(STDIN);
      values.add(ValueSource.VALUES_FILE, "--values-file " + (stdin ? "- (standard input)" : valuesFile),
          readable(() -> stdin
              ? host.readValuesFile(descriptor.id(), environment.in(), "values file on standard input")
              : host.readValuesFile(descriptor.id(), Path.of(valuesFile))));
    }
    if (credentialsFile != null) {
      boolean stdin = credentialsFile.equals(STDIN);
      values.add(ValueSource.CREDENTIALS_FILE, "--credentials-file " + (stdin ? "- (standard input)" : credentialsFile),
          readable(() -> stdin
              ? host.readCredentialsFile(descriptor.id(), environment.in(), "credentials file on standard input")
              : host.readCredentialsFile(descriptor.id(), Path.of(credentialsFile))));
    }
    for (Field field : descriptor.fields()) {
      String name = environmentVariable(descriptor, field);
      environment.variable(name).ifPresent(value -> values.add(ValueSource.ENVIRONMENT, name, Map.of(field.id(), value)));
    }
    return values.build();
  }

  /** {@code PLUGBOARD_SHOP_ACCESS_TOKEN}: the variable that gives {@code field}. */
  static String environmentVariable(ConnectorDescriptor descriptor, Field field) {
    return ("PLUGBOARD_" + descriptor.id() + "_" + field.id()).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private Map<String, String> fromSet(ConnectorDescriptor descriptor) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String assignment : set) {
      int equals = assignment.indexOf('=');
      if (equals < 0) {
        // Not repeated: without an = the whole text may be a pasted secret.
        throw new UsageException("--set takes FIELD=VALUE, and one --set has no =; write --set FIELD=VALUE");
      }
      String id = assignment.substring(0, equals).strip();
      Field field = descriptor.field(id).orElseThrow(() -> new UsageException("--set FIELD=VALUE: connector "
          + descriptor.id() + " has no field by the name given" + Misspelling.of(id, fieldIds(descriptor))
              .map(meant -> " (" + id + ", meant as " + meant + "?)").orElse(" (not repeated here: it may be a secret)")
          + "; its fields are " + ids(descriptor)));
      if (field.secret()) {
        throw new UsageException("--set " + id + "=... is refused: " + field.label() + " is a secret, and a value on the"
            + " command line stays in your shell history and shows in the process list. Give it with "
            + otherWays(descriptor, field) + ", or type it at the prompt on a terminal.");
      }
      if (values.put(id, assignment.substring(equals + 1)) != null) {
        throw new UsageException("--set gives " + id + " twice; give it once");
      }
    }
    return values;
  }

  /** Every way to give {@code field} without a terminal, for messages. */
  static String otherWays(ConnectorDescriptor descriptor, Field field) {
    List<String> ways = new ArrayList<>();
    if (!field.fileLabels().isEmpty()) {
      ways.add("--credentials-file FILE (its " + String.join(" or ", field.fileLabels()) + " line)");
    }
    ways.add("--values-file FILE|- (JSON: {\"" + field.id() + "\": \"...\"})");
    ways.add("the environment variable " + environmentVariable(descriptor, field));
    if (!field.secret()) {
      ways.add("--set " + field.id() + "=VALUE");
    }
    return String.join(", ", ways);
  }

  private static List<String> fieldIds(ConnectorDescriptor descriptor) {
    return descriptor.fields().stream().map(Field::id).toList();
  }

  private static String ids(ConnectorDescriptor descriptor) {
    return descriptor.fields().stream().map(Field::id).collect(Collectors.joining(", "));
  }

  /** A source that cannot be read is a usage problem (exit 2): the user gave the wrong file. */
  private static Map<String, String> readable(Supplier<Map<String, String>> read) {
    try {
      return read.get();
    } catch (ValuesException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
