package dev.plugboard.host.internal.plugins;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Names the plugin that ended the process, for the exit calls {@link ExitCalls} cannot see
 * (through reflection, say). Around a command, a JVM shutdown that Plugboard did not ask for is
 * reported with the plugin code running at that moment, and the exit code becomes 3 (could not
 * finish) instead of whatever the plugin chose. A {@code Runtime.halt} through reflection runs no
 * shutdown hook and stays silent: see the README's Security section.
 *
 * <pre>{@code
 * int code = ExitWitness.during(err, () -> commandLine.execute(args));
 * System.exit(code); // after the command: not reported
 * }</pre>
 */
public final class ExitWitness {

  /** The exit code a process ended by a plugin ends with: could not finish. */
  public static final int EXIT_CODE = 3;

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final AtomicInteger COMMANDS = new AtomicInteger();
  private static final AtomicBoolean SIGNALLED = new AtomicBoolean();
  private static volatile PrintWriter err;

  private ExitWitness() {}

  /** Runs {@code command}; an exit while it runs is reported on {@code errors}. */
  public static int during(PrintWriter errors, IntSupplier command) {
    err = errors;
    if (INSTALLED.compareAndSet(false, true)) {
      List.of("INT", "TERM", "HUP").forEach(ExitWitness::noticeSignal);
      Runtime.getRuntime().addShutdownHook(new Thread(ExitWitness::report, "plugboard-exit-witness"));
    }
    COMMANDS.incrementAndGet();
    try {
      return command.getAsInt();
    } finally {
      COMMANDS.decrementAndGet();
    }
  }

  /** Ctrl-C and kill end the process too, through the same shutdown: those are not a plugin's doing. */
  @SuppressWarnings("removal")
  private static void noticeSignal(String name) {
    try {
      Signal signal = new Signal(name);
      SignalHandler[] previous = new SignalHandler[1];
      previous[0] = Signal.handle(signal, received -> {
        SIGNALLED.set(true);
        if (previous[0] == SignalHandler.SIG_DFL) {
          System.exit(128 + received.getNumber());
        } else if (previous[0] != SignalHandler.SIG_IGN) {
          previous[0].handle(received);
        }
      });
    } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
      // a signal this platform or JVM (-Xrs) does not let Java handle: it ends the process as before
    }
  }

  private static void report() {
    if (COMMANDS.get() == 0 || SIGNALLED.get()) {
      return; // Plugboard's own exit after the command, or the user's Ctrl-C or kill
    }
    List<String> running = PluginCalls.running();
    PrintWriter out = err;
    out.println("plugboard: the process was ended by a System.exit that Plugboard did not make, "
        + (running.isEmpty() ? "while no plugin call was running (a thread a plugin started, perhaps)"
            : "while this plugin code ran: " + String.join("; ", running))
        + ". Remove the plugin's jar from the plugins folder, or ask its author (exit " + EXIT_CODE + ")");
    out.flush();
    Runtime.getRuntime().halt(EXIT_CODE);
  }
}
