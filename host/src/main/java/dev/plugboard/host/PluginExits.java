package dev.plugboard.host;

import dev.plugboard.host.internal.plugins.ExitWitness;
import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * For a process that runs plugin code from its {@code main}, such as a command line: names the
 * plugin that ended the process. The host refuses a plugin's {@code System.exit} calls it can see;
 * one it cannot (through reflection, say) still ends the JVM, and while {@code work} runs such an
 * exit is reported on {@code errors} with the plugin code running at that moment, and the process
 * ends with {@link #EXIT_CODE} instead of whatever the plugin chose. Ctrl-C and {@code kill} are
 * not reported; a {@code Runtime.halt} through reflection runs no shutdown hook and stays silent.
 *
 * <pre>{@code
 * int code = PluginExits.reported(err, () -> commandLine.execute(args));
 * System.exit(code); // after the work: not reported
 * }</pre>
 */
public final class PluginExits {

  /** The exit code a process ended by a plugin ends with: could not finish. */
  public static final int EXIT_CODE = ExitWitness.EXIT_CODE;

  private PluginExits() {}

  /** Runs {@code work} and returns what it returns; an exit no one asked for while it runs is reported on {@code errors}. */
  public static int reported(PrintWriter errors, IntSupplier work) {
    return ExitWitness.during(errors, work);
  }
}
