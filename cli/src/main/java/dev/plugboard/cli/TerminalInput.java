package dev.plugboard.cli;

import dev.plugboard.host.PlugboardException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A terminal to ask on, through JLine: jline-terminal's exec provider drives the real terminal
 * with {@code stty} on Linux and macOS, so no native library is needed. Answers are read with
 * JLine's line editor; secrets without echo. Where JLine can only treat the terminal as dumb
 * ({@code TERM=dumb}) it cannot turn echo off, so secrets are read with {@link Console#readPassword}.
 * Ctrl-C and end of input cancel, as {@link PromptCancelledException}.
 */
final class TerminalInput implements AutoCloseable {

  private static final Character NO_ECHO = '\0';

  private final Terminal terminal;
  private final LineReader reader;
  private final Optional<Console> secretsConsole;

  private TerminalInput(Terminal terminal, Optional<Console> secretsConsole) {
    this.terminal = terminal;
    this.secretsConsole = secretsConsole;
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        // An answer is taken as typed: no history kept or expanded (a ! in a token), no quoting rules.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .variable(LineReader.DISABLE_HISTORY, true)
        .parser(new DefaultParser().eofOnUnclosedQuote(false).eofOnEscapedNewLine(false))
        .build();
  }

  /**
   * The terminal this process runs on, when standard input and output are one; empty otherwise
   * (piped, redirected, or {@code environment} reads something else than {@code System.in}).
   */
  static Optional<TerminalInput> system(CliEnvironment environment) {
    if (environment.in() != System.in || !interactive()) {
      return Optional.empty();
    }
    try {
      Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
      boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
      return Optional.of(new TerminalInput(terminal, dumb ? Optional.ofNullable(System.console()) : Optional.empty()));
    } catch (IOException e) {
      throw new PlugboardException("cannot ask on this terminal (" + e.getMessage() + ")", e);
    }
  }

  /**
   * An xterm over given streams, such as a test's or a remote session's: Ctrl-C interrupts, Ctrl-D
   * ends input. It starts with echo off, as a terminal JLine has put in raw mode is, so what
   * appears on {@code out} is what JLine draws (escape sequences included), never the keys.
   */
  static TerminalInput over(InputStream in, OutputStream out) {
    Attributes attributes = new Attributes();
    attributes.setLocalFlag(Attributes.LocalFlag.ECHO, false);
    attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
    attributes.setControlChar(Attributes.ControlChar.VEOF, 4);
    try {
      Terminal terminal = TerminalBuilder.builder().system(false).streams(in, out).type("xterm")
          .attributes(attributes).encoding(StandardCharsets.UTF_8).build();
      return new TerminalInput(terminal, Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a person is at the keyboard: {@code System.console()}, and on Java 22+ {@code Console.isTerminal()}. */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before Java 22, a console exists only on a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  PrintWriter writer() {
    return terminal.writer();
  }

  String line(String prompt, String cancelled) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException | EndOfFileException e) {
      throw new PromptCancelledException(cancelled);
    }
  }

  /** A line read without echo; nothing of it is drawn on the terminal. */
  String secret(String prompt, String cancelled) {
    if (secretsConsole.isPresent()) {
      terminal.writer().flush();
      char[] typed = secretsConsole.get().readPassword("%s", prompt);
      if (typed == null) {
        throw new PromptCancelledException(cancelled);
      }
      return new String(typed);
    }
    try {
      return reader.readLine(prompt, NO_ECHO);
    } catch (UserInterruptException | EndOfFileException e) {
      throw new PromptCancelledException(cancelled);
    }
  }

  @Override
  public void close() {
    try {
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
