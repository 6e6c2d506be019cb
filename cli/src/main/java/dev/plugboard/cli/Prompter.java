package dev.plugboard.cli;

import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Asks on a terminal, in declared order, for the values no other source gave: the label, one help
 * line, an example and the setup guide step where the value is found, then the prompt
 * {@code Label: } ({@code Label (hidden): } for a secret, read without echo). An invalid answer is
 * explained in words and asked again; a default is offered in brackets (a secret one masked) and
 * Enter takes it. Ctrl-C or end of input cancels with a {@link PromptCancelledException}.
 */
final class Prompter {

  static final String MASKED_DEFAULT = "********";

  private final TerminalInput input;
  private final PrintWriter out;

  Prompter(TerminalInput input) {
    this.input = input;
    this.out = input.writer();
  }

  /**
   * Asks for each of {@code fieldIds} until its answer passes {@code check}.
   *
   * @param defaults values to offer, by field id; Enter takes them
   * @param check the format phase's check of one field's value
   * @return the answers by field id, in declared order
   */
  Map<String, GivenValues.Given> ask(
      Form form, List<String> fieldIds, Map<String, String> defaults, BiFunction<String, String, FieldCheck> check) {
    out.println(form.name() + ": " + fieldIds.size() + (fieldIds.size() == 1 ? " value" : " values")
        + " to give. Secrets are not shown as you type; Ctrl-C cancels.");
    out.println("(plugboard describe " + form.connector() + " shows the setup guide.)");
    Map<String, GivenValues.Given> answers = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      if (fieldIds.contains(field.id())) {
        askOne(field, defaults.get(field.id()), check).ifPresent(given -> answers.put(field.id(), given));
      }
    }
    return answers;
  }

  private Optional<GivenValues.Given> askOne(
      FormField field, String offered, BiFunction<String, String, FieldCheck> check) {
    introduce(field);
    String prompt = prompt(field, offered);
    while (true) {
      String cancelled = "cancelled at " + field.label() + ": nothing was sent or stored";
      String answer = field.secret() ? input.secret(prompt, cancelled) : input.line(prompt, cancelled);
      boolean taken = answer.isBlank() && offered != null;
      String value = taken ? offered : answer;
      if (value.isBlank() && !field.required()) {
        return Optional.empty();
      }
      FieldCheck result = check.apply(field.id(), value);
      if (result.status() == FieldCheck.Status.OK) {
        if (!result.message().isEmpty()) {
          out.println("  Note: " + result.message());
        }
        ValueSource source = taken ? ValueSource.DEFAULT : ValueSource.PROMPT;
        return Optional.of(new GivenValues.Given(value, source, source.label(), List.of()));
      }
      out.println("  " + result.message() + " Try again.");
      out.flush();
    }
  }

  private void introduce(FormField field) {
    out.println();
    out.println(field.label() + (field.guideStep().isEmpty() ? ""
        : " (step " + field.guideStep().getAsInt() + " of the setup guide: " + field.guideStepTitle().orElse("") + ")"));
    out.println("  " + field.help());
    field.example().ifPresent(example -> out.println("  Example: " + example));
    out.flush();
  }

  /** {@code API Path: }, {@code Access Token (hidden) [********]: }, {@code Client ID (optional): }. */
  private static String prompt(FormField field, String offered) {
    StringBuilder prompt = new StringBuilder(field.label());
    if (field.secret()) {
      prompt.append(" (hidden)");
    }
    if (!field.required()) {
      prompt.append(" (optional)");
    }
    if (offered != null) {
      prompt.append(" [").append(field.secret() ? MASKED_DEFAULT : offered).append(']');
    }
    return prompt.append(": ").toString();
  }
}
