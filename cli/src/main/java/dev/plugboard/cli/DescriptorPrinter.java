package dev.plugboard.cli;

import static dev.plugboard.cli.ConsoleText.safe;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Remediation;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Prints a connector's descriptor for a person about to set up the platform side. The descriptor
 * is a plugin's data: its text is printed {@link ConsoleText#safe}.
 */
final class DescriptorPrinter {

  /** The widest prose is wrapped to, on however wide a screen, and when the screen's width is unknown: for reading. */
  private static final int WIDEST = 100;

  /** The narrowest a wrapped line becomes, whatever the indent. */
  private static final int MINIMUM = 20;

  private final PrintWriter out;
  private final int width;
  private final OptionalInt screen;

  /** @param screen the screen's width ({@link Screen#columns}), when known */
  DescriptorPrinter(PrintWriter out, OptionalInt screen) {
    this.out = out;
    this.width = Math.min(WIDEST, screen.orElse(WIDEST));
    this.screen = screen;
  }

  void print(ConnectorDescriptor descriptor, String plugin) {
    lines(safe(descriptor.name()) + " (connector " + safe(descriptor.id()) + ", plugin " + safe(plugin) + ")", "", "  ");
    wrap(descriptor.summary(), "");
    out.println();
    printGuide(descriptor);
    out.println();
    printFields(descriptor);
    if (!descriptor.scopes().isEmpty()) {
      out.println();
      printScopes(descriptor);
    }
    out.println();
    printEnvironment(descriptor);
  }

  private void printEnvironment(ConnectorDescriptor descriptor) {
    out.println("Environment variables verify and connect read:");
    for (Field field : descriptor.fields()) {
      variable(ValuesOptions.environmentVariable(descriptor, field), safe(field.label()));
    }
    variable("PLUGBOARD_LOG", "debug for what Plugboard and its libraries log (default warn)");
  }

  private void variable(String name, String safeText) {
    lines(safeText, "  " + name + "  ", "    ");
  }

  private void printGuide(ConnectorDescriptor descriptor) {
    out.println("Setup guide: " + safe(descriptor.guide().title()));
    List<GuideStep> steps = descriptor.guide().steps();
    for (int i = 0; i < steps.size(); i++) {
      String number = (i + 1) + ". ";
      lines(safe(steps.get(i).title()), "  " + number, "  " + " ".repeat(number.length()));
      wrap(steps.get(i).text(), "  " + " ".repeat(number.length()));
    }
  }

  private void printFields(ConnectorDescriptor descriptor) {
    out.println("Values to hand over, in this order:");
    for (Field field : descriptor.fields()) {
      String where = field.guideStep().map(step -> "; found at guide step " + descriptor.guide().number(step))
          .orElse("");
      String need = field.required() ? ", required"
          : field.defaultValue().map(value -> ", optional (default " + safe(value) + ")").orElse(", optional");
      lines(safe(field.label()) + " (" + safe(field.id()) + "): " + Words.lower(field.kind()) + need + where, "  ", "    ");
      String indent = "      ";
      wrap(field.help(), indent);
      field.example().ifPresent(example -> wrap("Example: " + example, indent));
      field.patternHint().ifPresent(hint -> wrap("Format: " + hint, indent));
      if (!field.fileLabels().isEmpty()) {
        wrap("In the credentials file: " + String.join(" or ", field.fileLabels()), indent);
      }
    }
    descriptor.credentialsFile().ifPresent(file -> wrap("Credentials file: " + file.description(), "  "));
  }

  private void printScopes(ConnectorDescriptor descriptor) {
    String step = descriptor.scopeRemediation().flatMap(Remediation::guideStep)
        .map(id -> " (guide step " + descriptor.guide().number(id) + ")").orElse("");
    out.println("Scopes to grant" + step + ":");
    Table table = new Table(0, "Scope", "Permission", safe(descriptor.name()) + " scope id").indented("  ");
    descriptor.scopes().forEach(scope -> table.row(safe(scope.name()), safe(scope.permission()), safe(scope.id())));
    table.print(out, screen);
  }

  /** Prints {@code text} wrapped to {@link #width} columns, every line indented; its whitespace as single spaces. */
  private void wrap(String text, String indent) {
    lines(Arrays.stream(text.strip().split("\\s+")).map(ConsoleText::safe).collect(Collectors.joining(" ")), indent, indent);
  }

  /** Prints text already {@link ConsoleText#safe} wrapped to {@link #width} columns: {@code first} before its first line, {@code rest} before the others. */
  private void lines(String safeText, String first, String rest) {
    List<String> lines = Wrapping.lines(safeText, Math.max(MINIMUM, width - Math.max(first.length(), rest.length())), false);
    for (int i = 0; i < lines.size(); i++) {
      out.println((i == 0 ? first : rest) + lines.get(i));
    }
  }
}
