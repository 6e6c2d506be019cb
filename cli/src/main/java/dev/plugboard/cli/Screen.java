package dev.plugboard.cli;

import java.io.IOException;
import java.util.OptionalInt;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * How wide output may be, found in this one place for help, {@code describe}, the connections
 * table and the progress lines: {@code COLUMNS} when it is exported (what the shell or the user
 * says, wherever the output goes), else the terminal's own width when standard output is one, else
 * unknown: piped output has lines as long as their text, or the command's own default.
 */
final class Screen {

  private Screen() {}

  static OptionalInt columns(CliEnvironment environment) {
    OptionalInt exported = environment.variable("COLUMNS").map(String::strip).filter(value -> value.matches("[0-9]{1,4}"))
        .map(value -> OptionalInt.of(Integer.parseInt(value))).orElse(OptionalInt.empty());
    if (exported.isPresent() && exported.getAsInt() > 0) {
      return exported;
    }
    if (!environment.outIsTerminal()) {
      return OptionalInt.empty();
    }
    // jline-terminal's exec provider asks stty; dumb(true) keeps it quiet where there is no terminal to ask.
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      return terminal.getWidth() > 0 ? OptionalInt.of(terminal.getWidth()) : OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }
}
