package dev.plugboard.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pseudo-terminal a test types into as a person would: a tmux server of its own (its socket in
 * a folder of the test's), one 250-column pane running one command, which prints its exit status
 * when it ends. The pane stays after that, so its last screen can be read. Every screen read is
 * kept, so a test can check that a secret was never shown.
 *
 * <pre>{@code
 * try (Tmux terminal = Tmux.start(folder, List.of("bin/plugboard", "verify", "bigcommerce"))) {
 *   terminal.expect("API Path:");
 *   terminal.type("https://api.bigcommerce.com/stores/abc123/v3/");
 *   terminal.enter();
 * }
 * }</pre>
 */
final class Tmux implements AutoCloseable {

  /** How long anything may take to appear: far more than it needs, so that only a hang fails. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final String EXIT_STATUS = "[exit status";

  private final Path socket;
  private final List<String> screens = new ArrayList<>();
  private int seen;

  private Tmux(Path socket) {
    this.socket = socket;
  }

  /**
   * Runs {@code command} in a new pane, in the test's environment less its {@code PLUGBOARD_*}
   * variables, with {@link Launcher#cache()} for class data archives.
   *
   * @param folder where the server's socket goes: a folder of the test's own
   * @throws AssertionError when tmux is not installed (CI installs it: .ci/run)
   */
  static Tmux start(Path folder, List<String> command) {
    return start(folder, command, 250);
  }

  /** {@link #start(Path, List)} on a terminal {@code columns} wide. */
  static Tmux start(Path folder, List<String> command, int columns) {
    Tmux tmux = new Tmux(folder.resolve("tmux.socket"));
    List<String> args = new ArrayList<>(List.of(
        // The pane stays when the command ends; TERM=screen is known to every terminfo database and to JLine.
        "set-option", "-g", "remain-on-exit", "on", ";",
        "set-option", "-g", "default-terminal", "screen", ";",
        "set-option", "-g", "history-limit", "10000", ";",
        "new-session", "-d", "-x", String.valueOf(columns), "-y", "50", "--",
        // tmux 3.3 does not always learn a pane's exit status (#{pane_dead_status}): the pane prints it.
        "sh", "-c", "\"$@\"; status=$?; echo; echo \"" + EXIT_STATUS + " $status]\"", "sh"));
    args.addAll(command);
    tmux.tmux(args);
    return tmux;
  }

  /** Types {@code text} as it is (no key names). */
  void type(String text) {
    tmux(List.of("send-keys", "-l", "--", text));
  }

  void enter() {
    tmux(List.of("send-keys", "Enter"));
  }

  /** Ctrl-D. */
  void endOfInput() {
    tmux(List.of("send-keys", "C-d"));
  }

  /** Ctrl-C. */
  void interrupt() {
    tmux(List.of("send-keys", "C-c"));
  }

  /**
   * Waits until {@code text} appears after what the last {@code expect} matched, and moves past
   * it: expecting texts one after the other asserts they appear in that order.
   *
   * @return the screen from the end of the previous match to the end of this one
   */
  String expect(String text) {
    String screen = await(() -> {
      String now = screen();
      return now.indexOf(text, seen) >= 0 ? now : null;
    }, () -> "\"" + text + "\" after what was already seen");
    int from = seen;
    seen = screen.indexOf(text, seen) + text.length();
    return screen.substring(from, seen);
  }

  /** Waits until the command has ended; its exit status. */
  int awaitExit() {
    Pattern ended = Pattern.compile("^" + Pattern.quote(EXIT_STATUS) + " (\\d+)]$", Pattern.MULTILINE);
    Matcher status = await(() -> {
      Matcher matcher = ended.matcher(screen());
      return matcher.find(seen) ? matcher : null;
    }, () -> "the command to end");
    return Integer.parseInt(status.group(1));
  }

  /** The whole pane, scrolled-off lines included, as it is now; kept in {@link #everythingShown()}. */
  String screen() {
    String screen = tmux(List.of("capture-pane", "-p", "-J", "-S", "-"));
    screens.add(screen);
    return screen;
  }

  /** {@link #screen()} with the colours and other attributes of its text, as escape sequences. */
  String screenWithAttributes() {
    String screen = tmux(List.of("capture-pane", "-p", "-e", "-J", "-S", "-"));
    screens.add(screen);
    return screen;
  }

  /** Every screen read so far, one after the other. */
  String everythingShown() {
    return String.join("\n", screens);
  }

  /** Ends the server and with it the command, if still running. */
  @Override
  public void close() {
    if (Files.exists(socket)) {
      run(List.of("kill-server"));
    }
  }

  private <T> T await(Supplier<T> poll, Supplier<String> what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      T found = poll.get();
      if (found != null) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what.get()
            + "; the terminal shows:\n" + screen());
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what.get(), e);
      }
    }
  }

  private String tmux(List<String> args) {
    Ran ran = run(args);
    if (ran.status() != 0) {
      throw new AssertionError("tmux " + args.get(0) + " failed (exit " + ran.status() + "): " + ran.output());
    }
    return ran.output();
  }

  private record Ran(int status, String output) {}

  private Ran run(List<String> args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-f", "/dev/null", "-S", socket.toString()));
    command.addAll(args);
    Path output = socket.resolveSibling("tmux.out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PLUGBOARD_") || name.equals("TMUX"));
    builder.environment().put("XDG_CACHE_HOME", Launcher.cache().toString());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tmux " + args.get(0) + " still running after " + PATIENCE.toSeconds() + " s");
      }
      return new Ran(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run tmux (" + e.getMessage() + "): the terminal tests type into a real"
          + " terminal through it; install it (apt-get install tmux, as .ci/run does)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running tmux " + args.get(0), e);
    }
  }
}
