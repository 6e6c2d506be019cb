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

/** Runs a built {@code bin/plugboard} as a user would: a separate process, in a chosen folder. */
final class Launcher {

  /** The distribution the build unpacked at {@code distribution/target/plugboard}. */
  static Path distribution() {
    return Path.of(System.getProperty("plugboard.distribution", "target/plugboard")).toAbsolutePath();
  }

  static Path tarball() {
    return Path.of(System.getProperty("plugboard.tarball")).toAbsolutePath();
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

  Result go() {
    try {
      Path out = Files.createTempFile("plugboard-out", ".txt");
      Path err = Files.createTempFile("plugboard-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().remove("PLUGBOARD_PLUGINS_DIR");
      builder.environment().remove("PLUGBOARD_HOME");
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
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

  record Result(int exitCode, String out, String err) {}
}
