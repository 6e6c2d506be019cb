package dev.plugboard.benchmarks;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start as a user meets it: a fresh JVM through the real launcher, each run a new process.
 * Measures {@code plugboard describe bigcommerce} (wall time, and peak memory through GNU time's
 * maximum resident set size) and {@code plugboard plugins} over folders of 1, 10 and 100
 * generated plugin jars.
 *
 * <p>Run: {@code benchmarks/run cold-start}.
 */
public final class ColdStartBenchmark {

  private static final int RUNS = 15;
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path installation = Path.of(args.length > 0 ? args[0] : "distribution/target/plugboard").toAbsolutePath();
    Path launcher = installation.resolve("bin/plugboard");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(launcher + " is missing: build the distribution first (benchmarks/run does)");
    }
    System.out.printf("%d runs each, %d cores, %s%n", RUNS, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.printf("%-44s %10s %10s %10s %12s%n", "command", "median ms", "min ms", "max ms", "peak RSS MB");
    measure("describe bigcommerce", launcher, List.of("describe", "bigcommerce"));
    Path unpacked = withoutClassDataArchive(installation);
    measure("describe bigcommerce (tarball: no CDS archive)", unpacked.resolve("bin/plugboard"),
        List.of("describe", "bigcommerce"));

    Path root = Files.createTempDirectory("plugboard-bench-cold");
    double[] medians = new double[3];
    int[] sizes = {1, 10, 100};
    for (int i = 0; i < sizes.length; i++) {
      Path dir = root.resolve(Integer.toString(sizes[i]));
      for (int p = 0; p < sizes[i]; p++) {
        TestPluginJar.connector("generated" + p, "generated" + p).writeTo(dir);
      }
      medians[i] = measure("plugins (" + sizes[i] + " plugin jars)", launcher,
          List.of("--plugins-dir", dir.toString(), "plugins"));
    }
    System.out.printf("per extra plugin, cold: %.2f ms%n", (medians[2] - medians[0]) / (sizes[2] - sizes[0]));
  }

  /** A copy of the installation as the tarball unpacks it: without the build's class data archive. */
  private static Path withoutClassDataArchive(Path installation) throws IOException {
    Path copy = Files.createTempDirectory("plugboard-bench-unpacked").resolve("plugboard");
    try (var files = Files.walk(installation)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(installation.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().endsWith(".jsa")) {
          Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return copy;
  }

  private static double measure(String label, Path launcher, List<String> args) throws IOException, InterruptedException {
    boolean gnuTime = Files.isExecutable(GNU_TIME);
    double[] millis = new double[RUNS];
    double[] peakMb = new double[RUNS];
    run(launcher, args, gnuTime); // one warm-up run fills the OS file cache
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      peakMb[i] = run(launcher, args, gnuTime);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    Arrays.sort(peakMb);
    System.out.printf("%-44s %10.0f %10.0f %10.0f %12s%n", label, millis[RUNS / 2], millis[0], millis[RUNS - 1],
        gnuTime ? String.format("%.0f", peakMb[RUNS / 2]) : "n/a");
    return millis[RUNS / 2];
  }

  /** Runs once; returns the peak resident set size in MB (0 without GNU time). */
  private static double run(Path launcher, List<String> args, boolean gnuTime) throws IOException, InterruptedException {
    Path report = Files.createTempFile("plugboard-bench-time", ".txt");
    List<String> command = new ArrayList<>();
    if (gnuTime) {
      command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", report.toString()));
    }
    command.add(launcher.toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed");
    }
    String kilobytes = Files.readString(report).trim();
    Files.delete(report);
    return gnuTime ? Long.parseLong(kilobytes.lines().reduce((a, b) -> b).orElse("0")) / 1024.0 : 0;
  }
}
