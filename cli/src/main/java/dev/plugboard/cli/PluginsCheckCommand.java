package dev.plugboard.cli;

import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.PluginCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard plugins check PATH}: a plugin author's lint of a jar, a folder or a descriptor file. */
@Command(
    addMethodSubcommands = false,
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Checks a plugin jar, a folder of jars, or a descriptor file as the host would load it, and"
        + " prints every defect with its place and line.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything would load", "2:a defect was found, or PATH cannot be read"})
final class PluginsCheckCommand implements Callable<Integer> {

  @ParentCommand PluginsCommand plugins;

  @Parameters(paramLabel = "PATH", description = "A plugin jar, a folder of plugin jars, or a descriptor file"
      + " (.yaml, .yml, .json).")
  Path path;

  @Override
  public Integer call() {
    PrintWriter out = plugins.plugboard.environment.out();
    PluginCheck check;
    try {
      check = PluginCheck.of(path);
    } catch (PlugboardException e) {
      throw new UsageException(e.getMessage());
    }
    if (check.results().isEmpty()) {
      out.println(path + ": no plugin jar in this folder");
      return ExitCode.USAGE;
    }
    for (PluginCheck.Result result : check.results()) {
      if (result.ok()) {
        out.println("ok      " + result.subject() + " (" + result.path().getFileName() + "): connectors "
            + String.join(", ", result.connectors()));
      } else {
        out.println("failed  " + result.subject() + " (" + result.path().getFileName() + "): " + result.defects().size()
            + (result.defects().size() == 1 ? " defect" : " defects"));
        result.defects().forEach(defect -> out.println("        - " + defect));
      }
    }
    return check.ok() ? ExitCode.OK : ExitCode.USAGE;
  }
}
