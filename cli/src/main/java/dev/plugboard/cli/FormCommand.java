package dev.plugboard.cli;

import dev.plugboard.host.Plugboard;
import dev.plugboard.host.JsonOutput;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard form CONNECTOR --format json-schema|json}: the connector's form, for other front ends. */
@Command(
    addMethodSubcommands = false,
    name = "form",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the values a connector asks for, for web forms and other front ends:",
      "json-schema: a JSON Schema (draft 2020-12) of the values after their clean-ups (trimmed, quotes removed);",
      "json: Plugboard's form model, with help texts, guide steps and credentials-file labels."
    })
final class FormCommand implements Callable<Integer> {

  static final List<String> FORMATS = List.of("json-schema", "json");

  @ParentCommand PlugboardCommand plugboard;

  @Parameters(paramLabel = "CONNECTOR", description = "The connector's id, as plugboard plugins lists them.")
  String connectorId;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json-schema",
      description = "json-schema (default) or json.")
  String format;

  @Override
  public Integer call() {
    if (!FORMATS.contains(format)) {
      throw new UsageException("--format must be one of " + String.join(", ", FORMATS) + " (the value given is neither)");
    }
    try (Plugboard host = plugboard.open()) {
      String document = format.equals("json")
          ? JsonOutput.write(host.form(connectorId))
          : host.formJsonSchema(connectorId);
      plugboard.environment.out().println(document);
      return ExitCode.OK;
    }
  }
}
