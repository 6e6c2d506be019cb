package dev.plugboard.cli;

import dev.plugboard.host.Plugboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import dev.plugboard.api.PluginApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code plugboard}: the options every command shares; its commands are {@link CommandTree#COMMANDS}. */
@Command(
    addMethodSubcommands = false,
    name = "plugboard",
    mixinStandardHelpOptions = true,
    versionProvider = PlugboardCommand.Version.class,
    description = "Loads connector plugins, describes what connecting takes, verifies and keeps connections.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; verified",
      "1:verification failed (credentials rejected or scopes missing)",
      "2:bad usage or invalid values (nothing sent, nothing stored)",
      "3:could not finish (unreachable, timeouts, server errors)"
    })
final class PlugboardCommand implements Callable<Integer> {

  /** Where the launcher says its own plugins folder is. */
  static final String PLUGINS_DIR_PROPERTY = "plugboard.pluginsDir";

  /** Where connections are kept unless --home or PLUGBOARD_HOME says otherwise. */
  private static final Pattern STORE_PASSWORD = Pattern.compile("(?i)([?&;](password|pass|pwd)=|://[^/?@]*:[^/?@]*@)");

  static final Path DEFAULT_HOME = Path.of(System.getProperty("user.home"), ".plugboard").toAbsolutePath().normalize();

  final CliEnvironment environment;

  @Option(
      names = "--plugins-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Folder of plugin jars (default: env PLUGBOARD_PLUGINS_DIR, else the installation's plugins/).")
  Path pluginsDir;

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Folder for connections and their key (default: env PLUGBOARD_HOME, else ~/.plugboard).")
  Path home;

  @Option(
      names = "--allow-host",
      scope = ScopeType.INHERIT,
      paramLabel = "HOST[:PORT]",
      description = "Also send credentials to this host, for local testing; plain http only to loopback"
          + " addresses (also env PLUGBOARD_ALLOW_HOSTS, comma-separated). Repeatable.")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--store",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "Keep connections in a database instead of the home folder: jdbc:postgresql://HOST[:PORT]/DB?user=USER"
          + " or jdbc:sqlite:FILE (default: env PLUGBOARD_STORE). The password only in env PLUGBOARD_STORE_PASSWORD.")
  String store;

  @Option(
      names = "--color",
      scope = ScopeType.INHERIT,
      paramLabel = "WHEN",
      description = "Colour statuses (granted, missing, failed...): auto (on a terminal, unless NO_COLOR is set or"
          + " TERM=dumb), always or never (default: auto). JSON is never coloured.")
  Palette.When color = Palette.When.AUTO;

  PlugboardCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    environment.err().println("plugboard: name a command");
    spec.commandLine().usage(environment.err());
    return ExitCode.USAGE;
  }

  /** How statuses are coloured on standard output: {@code --color}, the terminal and {@code NO_COLOR}. */
  Palette palette() {
    return Palette.of(environment, color);
  }

  private OptionalInt columns;

  /** The screen's width ({@link Screen#columns}), found once a run: asking a terminal costs a process. */
  OptionalInt columns() {
    if (columns == null) {
      columns = Screen.columns(environment);
    }
    return columns;
  }

  /** A host over the chosen plugins folder; close it when done. */
  Plugboard open() {
    return open(null);
  }

  /** A host whose verifications end by {@code verificationTimeout} ({@code null}: the default). */
  Plugboard open(Duration verificationTimeout) {
    Path dir = pluginsDir();
    if (!Files.isDirectory(dir)) {
      throw new UsageException("plugins folder " + dir.toAbsolutePath()
          + (Files.exists(dir) ? " is not a folder" : " does not exist")
          + "; give a folder of plugin jars with --plugins-dir DIR or PLUGBOARD_PLUGINS_DIR");
    }
    Plugboard.Builder builder = Plugboard.builder().pluginsDir(dir).home(home());
    store().ifPresent(builder::store);
    if (verificationTimeout != null) {
      builder.verificationTimeout(verificationTimeout);
    }
    for (String host : allowHosts()) {
      try {
        builder.allowHost(host);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return builder.build();
  }

  Path home() {
    if (home != null) {
      return home;
    }
    return environment.variable("PLUGBOARD_HOME").map(Path::of).orElse(DEFAULT_HOME);
  }

  /**
   * {@code --store}, else {@code PLUGBOARD_STORE}: a database store's URL, which may not hold a
   * password (argv shows in process lists and shell history).
   */
  Optional<String> store() {
    if (store != null && STORE_PASSWORD.matcher(store).find()) {
      throw new UsageException("--store holds a password, which would show in the process list and your shell history:"
          + " take it out of the URL and set PLUGBOARD_STORE_PASSWORD instead");
    }
    return Optional.ofNullable(store).or(() -> environment.variable("PLUGBOARD_STORE")).filter(url -> !url.isBlank());
  }

  /** Where connections are kept, for messages: the store URL (it holds no password) or the home folder. */
  String where() {
    return store().orElseGet(() -> home().toAbsolutePath().normalize().toString());
  }

  /** {@code --allow-host} values, then those of {@code PLUGBOARD_ALLOW_HOSTS}. */
  List<String> allowHosts() {
    List<String> all = new ArrayList<>(allowHosts);
    environment.variable("PLUGBOARD_ALLOW_HOSTS").ifPresent(value -> {
      for (String host : value.split("[,\\s]+")) {
        if (!host.isBlank()) {
          all.add(host);
        }
      }
    });
    return all;
  }

  Path pluginsDir() {
    if (pluginsDir != null) {
      return pluginsDir;
    }
    return environment.variable("PLUGBOARD_PLUGINS_DIR")
        .or(() -> Optional.ofNullable(System.getProperty(PLUGINS_DIR_PROPERTY)))
        .map(Path::of)
        .orElse(Path.of("plugins"));
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"plugboard " + Plugboard.version() + " (plugin-api " + PluginApi.VERSION + ")"};
    }
  }
}
