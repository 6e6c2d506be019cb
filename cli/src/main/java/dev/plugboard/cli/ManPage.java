package dev.plugboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code plugboard.1}: the man page, in troff, written from the same picocli model as
 * {@code --help}, so the two never disagree. Run at build time ({@code ManPage FILE}); picocli's
 * own generator writes AsciiDoc, whose conversion to troff would need Asciidoctor.
 */
public final class ManPage {

  private ManPage() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  /** The whole page. */
  static String render() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    CommandLine top = CommandTree.of(new PlugboardCommand(new CliEnvironment(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), System.in, Map.of())), new String[0]);
    HelpSections.apply(top, new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        System.in, Map.of("COLUMNS", "80")));
    CommandSpec spec = top.getCommandSpec();
    out.println(".TH PLUGBOARD 1 \"\" \"" + escape(new PlugboardCommand.Version().getVersion()[0]) + "\" \"Plugboard\"");
    out.println(".SH NAME");
    out.println("plugboard \\- " + escape(String.join(" ", spec.usageMessage().description())));
    out.println(".SH SYNOPSIS");
    out.println(".B plugboard");
    out.println("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]");
    out.println(".SH OPTIONS");
    options(out, spec);
    out.println(".SH COMMANDS");
    commands(out, top, "");
    out.println(".SH EXIT STATUS");
    spec.usageMessage().exitCodeList().forEach((code, meaning) -> {
      out.println(".TP");
      out.println(".B " + escape(code.trim()));
      out.println(escape(meaning));
    });
    out.println(".SH ENVIRONMENT");
    for (String[] variable : List.of(
        new String[] {"PLUGBOARD_<CONNECTOR>_<FIELD>", "a value for a field; plugboard describe CONNECTOR names each"},
        new String[] {"PLUGBOARD_HOME", "the home folder, as --home"},
        new String[] {"PLUGBOARD_PLUGINS_DIR", "the plugins folder, as --plugins-dir"},
        new String[] {"PLUGBOARD_ALLOW_HOSTS", "hosts also allowed, comma-separated, as --allow-host"},
        new String[] {"PLUGBOARD_STORE", "a database store's URL, as --store"},
        new String[] {"PLUGBOARD_STORE_PASSWORD", "its password"},
        new String[] {"PLUGBOARD_LOG", "debug for what Plugboard and its libraries log (default warn)"})) {
      out.println(".TP");
      out.println(".B " + escape(variable[0]));
      out.println(escape(variable[1]));
    }
    out.println(".SH SEE ALSO");
    out.println("plugboard help COMMAND; the README.md shipped beside bin/.");
    out.flush();
    return text.toString();
  }

  private static void commands(PrintWriter out, CommandLine command, String prefix) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.name().equals("help")) {
        continue; // it is how to read this page's sections one by one
      }
      String name = prefix + spec.name();
      out.println(".SS " + escape(name + positionals(spec)));
      for (String line : spec.usageMessage().description()) {
        out.println(escape(line));
        out.println(".br");
      }
      options(out, spec);
      commands(out, sub, name + " ");
    }
  }

  private static String positionals(CommandSpec spec) {
    StringBuilder names = new StringBuilder();
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      names.append(' ').append(positional.arity().min() == 0 ? "[" + positional.paramLabel() + "]" : positional.paramLabel());
    }
    return names.toString();
  }

  private static void options(PrintWriter out, CommandSpec spec) {
    for (OptionSpec option : spec.options()) {
      if (option.inherited() || option.usageHelp() || option.versionHelp()) {
        continue; // listed once, under the command that declares it
      }
      out.println(".TP");
      String label = option.arity().max() > 0 ? " \\fI" + escape(option.paramLabel()) + "\\fR" : "";
      out.println(".B " + escape(String.join(", ", option.names())) + label);
      out.println(escape(String.join(" ", option.description())));
    }
  }

  /** Backslashes and hyphens as troff wants them; a line starting with a dot or quote made safe. */
  private static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
