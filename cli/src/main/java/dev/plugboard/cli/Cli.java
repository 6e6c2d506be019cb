package dev.plugboard.cli;

import dev.plugboard.host.InvalidConnectionNameException;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.PluginExits;
import dev.plugboard.host.UnknownConnectionException;
import dev.plugboard.host.UnknownConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Runs one {@code plugboard} command line and says what exit code it ends with. */
public final class Cli {

  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private Cli() {}

  public static int run(String[] args, CliEnvironment environment) {
    CommandLine commandLine = CommandTree.of(new PlugboardCommand(environment), args);
    HelpSections.apply(commandLine, environment);
    commandLine.setOut(environment.out());
    commandLine.setErr(environment.err());
    commandLine.setParameterExceptionHandler(Cli::usageError);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    int code = PluginExits.reported(environment.err(), () -> commandLine.execute(args));
    environment.out().flush();
    environment.err().flush();
    return code;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("plugboard: " + UsageErrors.describe(e, args));
    command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.USAGE;
  }

  /**
   * Problems are reported in words, never as a stack trace, and map to a documented exit code.
   * A message may carry text from a plugin or a server: it is printed {@link ConsoleText#safe}.
   */
  private static int failure(Exception e, CliEnvironment environment) {
    if (e instanceof UnknownConnectorException || e instanceof UsageException
        || e instanceof UnknownConnectionException || e instanceof InvalidConnectionNameException) {
      environment.err().println("plugboard: " + UsageErrors.describe((RuntimeException) e));
      return ExitCode.USAGE;
    }
    if (e instanceof PlugboardException) {
      environment.err().println("plugboard: " + ConsoleText.safe(e.getMessage()));
      return ExitCode.COULD_NOT_FINISH;
    }
    LOG.debug("unexpected failure", e); // messages never hold secret values, by the house rule
    environment.err().println("plugboard: unexpected " + e.getClass().getSimpleName()
        + " (a bug: please report it with the command you ran; set PLUGBOARD_LOG=debug for details)");
    return ExitCode.COULD_NOT_FINISH;
  }
}
