package dev.plugboard.cli;

import static dev.plugboard.cli.ConsoleText.safe;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Scope;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a connector's descriptor for a person about to set up the platform side. The descriptor
 * is a plugin's data: its text is printed {@link ConsoleText#safe}.
 */
final class DescriptorPrinter {

  private static final int WIDTH = 100;

  private final PrintWriter out;

  DescriptorPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(ConnectorDescriptor descriptor, String plugin) {
    out.println(safe(descriptor.name()) + " (connector " + safe(descriptor.id()) + ", plugin " + safe(plugin) + ")");
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
      out.println("  " + ValuesOptions.environmentVariable(descriptor, field) + "  " + safe(field.label()));
    }
    out.println("  PLUGBOARD_LOG  debug for what Plugboard and its libraries log (default warn)");
  }

  private void printGuide(ConnectorDescriptor descriptor) {
    out.println("Setup guide: " + safe(descriptor.guide().title()));
    List<GuideStep> steps = descriptor.guide().steps();
    for (int i = 0; i < steps.size(); i++) {
      String number = (i + 1) + ". ";
      out.println("  " + number + safe(steps.get(i).title()));
      wrap(steps.get(i).text(), "  " + " ".repeat(number.length()));
    }
  }

  private void printFields(ConnectorDescriptor descriptor) {
    out.println("Values to hand over, in this order:");
    for (Field field : descriptor.fields()) {
      String where = field.guideStep() == null ? "" : "; found at guide step "
          + descriptor.guide().number(field.guideStep());
      String need = field.required() ? ", required"
          : field.defaultValue() != null ? ", optional (default " + safe(field.defaultValue()) + ")" : ", optional";
      out.println("  " + safe(field.label()) + " (" + safe(field.id()) + "): " + Words.lower(field.kind()) + need
          + where);
      String indent = "      ";
      wrap(field.help(), indent);
      if (field.example() != null) {
        wrap("Example: " + field.example(), indent);
      }
      if (field.patternHint() != null) {
        wrap("Format: " + field.patternHint(), indent);
      }
      if (!field.fileLabels().isEmpty()) {
        wrap("In the credentials file: " + String.join(" or ", field.fileLabels()), indent);
      }
    }
    if (descriptor.credentialsFile() != null) {
      wrap("Credentials file: " + descriptor.credentialsFile().description(), "  ");
    }
  }

  private void printScopes(ConnectorDescriptor descriptor) {
    Integer step = descriptor.scopeRemediation() == null || descriptor.scopeRemediation().guideStep() == null ? null
        : descriptor.guide().number(descriptor.scopeRemediation().guideStep());
    out.println("Scopes to grant" + (step == null ? "" : " (guide step " + step + ")") + ":");
    List<Scope> scopes = descriptor.scopes();
    int name = Math.max("Scope".length(), scopes.stream().mapToInt(s -> safe(s.name()).length()).max().orElse(0));
    int permission = Math.max("Permission".length(), scopes.stream().mapToInt(s -> safe(s.permission()).length()).max().orElse(0));
    String row = "  %-" + name + "s  %-" + permission + "s  %s%n";
    out.printf(row, "Scope", "Permission", safe(descriptor.name()) + " scope id");
    for (Scope scope : scopes) {
      out.printf(row, safe(scope.name()), safe(scope.permission()), safe(scope.id()));
    }
  }

  /** Prints {@code text} wrapped at {@link #WIDTH} columns, every line indented. */
  private void wrap(String text, String indent) {
    StringBuilder line = new StringBuilder(indent);
    for (String raw : text.strip().split("\\s+")) {
      String word = safe(raw);
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }
}
