package dev.plugboard.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code plugboard} command line in-process, the way {@code Main} does, and keeps
 * what it printed.
 *
 * <pre>{@code
 * CliRun.Result result = CliRun.args("--plugins-dir", dir.toString(), "plugins").run();
 * assertThat(result.exitCode()).isZero();
 * }</pre>
 */
public final class CliRun {

  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private InputStream in = new ByteArrayInputStream(new byte[0]);
  private boolean outIsTerminal;

  private CliRun(List<String> args) {
    this.args.addAll(args);
  }

  public static CliRun args(String... args) {
    return new CliRun(List.of(args));
  }

  /** With {@code --plugins-dir pluginsDir --home home} before the other arguments. */
  public CliRun folders(Path pluginsDir, Path home) {
    args.addAll(0, List.of("--plugins-dir", pluginsDir.toString(), "--home", home.toString()));
    return this;
  }

  public CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CliRun stdin(String text) {
    in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Runs as if standard output were a terminal (what it prints is kept all the same). */
  public CliRun onTerminal() {
    outIsTerminal = true;
    return this;
  }

  public Result run() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args.toArray(String[]::new),
        new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), in, env, outIsTerminal));
    return new Result(code, out.toString(), err.toString());
  }

  /** What one run printed and how it ended. */
  public record Result(int exitCode, String out, String err) {

    /** Everything printed, for scanning for things that must never appear. */
    public String all() {
      return out + err;
    }
  }
}
