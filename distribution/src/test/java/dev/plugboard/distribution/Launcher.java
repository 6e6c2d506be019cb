package dev.plugboard.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a built {@code bin/plugboard} as a user would: a separate process, in a chosen folder, with
 * standard input given (empty unless set) and closed. No {@code PLUGBOARD_*} variable of the
 * test's own environment reaches it; only those set with {@link #env}. Class data archives go to
 * {@link #cache()}.
 */
final class Launcher {

  private static final long PATIENCE_SECONDS = 120;

  /** The distribution the build unpacked at {@code distribution/target/plugboard}. */
  static Path distribution() {
    return Path.of(System.getProperty("plugboard.distribution", "target/plugboard")).toAbsolutePath();
  }

  /**
   * The class data archives' cache the launchers of the tests share (in {@code target/}, not the
   * user's), unless a test sets {@code XDG_CACHE_HOME} itself.
   */
  static Path cache() {
    return distribution().resolveSibling("cache");
  }

  static Path tarball() {
    return Path.of(System.getProperty("plugboard.tarball")).toAbsolutePath();
  }

  /** The built distribution's {@code bin/plugboard}. */
  static Path plugboard() {
    return distribution().resolve("bin/plugboard");
  }

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private Path directory = Path.of(System.getProperty("java.io.tmpdir"));
  private String stdin = "";

  private Launcher(Path executable, List<String> args) {
    command.add(executable.toString());
    command.addAll(args);
  }

  static Launcher run(Path executable, String... args) {
    return new Launcher(executable, List.of(args));
  }

  /** The built distribution's {@code bin/plugboard} with {@code args}. */
  static Launcher plugboard(String... args) {
    return run(plugboard(), args);
  }

  Launcher in(Path directory) {
    this.directory = directory;
    return this;
  }

  Launcher env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Launcher stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Runs the command and waits for it. */
  Result go() {
    return start().await();
  }

  /** Starts the command without waiting for it, so that several can run at once. */
  Running start() {
    try {
      Path out = Files.createTempFile("plugboard-out", ".txt");
      Path err = Files.createTempFile("plugboard-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("PLUGBOARD_"));
      builder.environment().put("XDG_CACHE_HOME", cache().toString());
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      return new Running(List.copyOf(command), process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started command. */
  record Running(List<String> command, Process process, Path out, Path err) {

    /** Waits for the command to end, and what it printed. */
    Result await() {
      try {
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("still running after " + PATIENCE_SECONDS + " s: " + command);
        }
        Result result = new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  record Result(List<String> command, int exitCode, String out, String err) {

    /** The command and both streams, for failure messages. */
    String transcript() {
      return String.join(" ", command) + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }
}
