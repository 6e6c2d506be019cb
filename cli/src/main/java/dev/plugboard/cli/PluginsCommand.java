package dev.plugboard.cli;

import dev.plugboard.host.Plugboard;
import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard plugins}: what is loaded, and why anything else is not. */
@Command(
    addMethodSubcommands = false,
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "Lists loaded plugins with their connectors, and failed plugins with the reason.",
    subcommands = PluginsCheckCommand.class)
final class PluginsCommand implements Callable<Integer> {

  @ParentCommand PlugboardCommand plugboard;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    try (Plugboard host = plugboard.open()) {
      PrintWriter out = plugboard.environment.out();
      List<PluginStatus> plugins = host.plugins();
      if (json) {
        out.println(JsonOutput.write(asJson(plugins)));
        return ExitCode.OK;
      }
      out.println("Plugins in " + plugboard.pluginsDir().toAbsolutePath().normalize() + ":");
      if (plugins.isEmpty()) {
        out.println("  none: put connector plugin jars in this folder");
      }
      int width = plugins.stream().mapToInt(p -> p.label().length()).max().orElse(0);
      for (PluginStatus plugin : plugins) {
        String detail = plugin.state() == PluginStatus.State.LOADED
            ? "connectors: " + String.join(", ", plugin.connectors())
            : ConsoleText.safe(plugin.jar().getFileName() + " " + plugin.problem());
        out.printf("  %-" + width + "s  %s  %s%n", ConsoleText.safe(plugin.label()),
            plugboard.palette().status(Words.lower(plugin.state()), 6), detail);
      }
      return ExitCode.OK;
    }
  }

  private Map<String, Object> asJson(List<PluginStatus> plugins) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("pluginsDir", plugboard.pluginsDir().toAbsolutePath().normalize().toString());
    document.put("plugins", plugins.stream().map(plugin -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", plugin.id());
      entry.put("version", plugin.version());
      entry.put("jar", plugin.jar().toString());
      entry.put("state", Words.lower(plugin.state()));
      entry.put("connectors", plugin.connectors());
      entry.put("problem", plugin.problem());
      return entry;
    }).toList());
    return document;
  }
}
