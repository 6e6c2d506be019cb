package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A {@link ConnectionWriter} running in its own JVM, started, released and awaited by a test. */
final class WriterProcess {

  // Only so that a hung child cannot hang the build; nothing is measured against it.
  private static final long BOUND_MINUTES = 3;

  private final Process process;
  private final BufferedReader out;
  private final Path err;

  private WriterProcess(Process process, Path err) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.err = err;
  }

  /** Starts a writer for {@code name}; its stderr goes to a file in {@code logs}. */
  static WriterProcess start(Path home, Path logs, String name, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ConnectionWriter.class.getName(), home.toString(), name));
    command.addAll(List.of(options));
    Path err = logs.resolve(name.replace('/', '-') + ".err");
    return new WriterProcess(new ProcessBuilder(command).redirectError(err.toFile()).start(), err);
  }

  /** Blocks until the writer has loaded everything and waits for {@link #go()}. */
  void awaitReady() throws IOException {
    assertThat(out.readLine()).as("first line of a writer (stderr: %s)", stderr()).isEqualTo("ready");
  }

  void go() throws IOException {
    Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    in.write("go\n");
    in.flush();
  }

  /** Waits for the writer to end; returns its exit code. */
  int exitCode() throws InterruptedException {
    assertThat(process.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)).as("the writer ended").isTrue();
    return process.exitValue();
  }

  /** Everything the writer printed, on stdout and stderr; call after {@link #exitCode()}. */
  String output() throws IOException {
    return out.lines().collect(Collectors.joining("\n")) + "\n" + stderr();
  }

  private String stderr() throws IOException {
    return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
  }
}
