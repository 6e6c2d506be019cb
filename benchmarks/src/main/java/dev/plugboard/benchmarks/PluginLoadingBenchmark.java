package dev.plugboard.benchmarks;

import dev.plugboard.host.Plugboard;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long loading a plugins folder takes in a warm JVM, for 1, 10 and 100 generated connector
 * plugins: each a real jar with its own class loader, extension and descriptor. Prints the median
 * and the spread of repeated loads, and the cost of each extra plugin.
 *
 * <p>Run: {@code benchmarks/run plugin-loading}.
 */
public final class PluginLoadingBenchmark {

  private static final int[] SIZES = {1, 10, 100};
  private static final int WARMUP = 5;
  private static final int RUNS = 15;

  private PluginLoadingBenchmark() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "off");
    Path root = Files.createTempDirectory("plugboard-bench-plugins");
    List<double[]> medians = new ArrayList<>();
    System.out.printf("%-8s %12s %12s %12s%n", "plugins", "median ms", "min ms", "max ms");
    for (int size : SIZES) {
      Path dir = generate(root.resolve(Integer.toString(size)), size);
      for (int i = 0; i < WARMUP; i++) {
        load(dir, size);
      }
      double[] millis = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        load(dir, size);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      double median = millis[RUNS / 2];
      medians.add(new double[] {size, median});
      System.out.printf("%-8d %12.1f %12.1f %12.1f%n", size, median, millis[0], millis[RUNS - 1]);
    }
    double[] first = medians.get(0);
    double[] last = medians.get(medians.size() - 1);
    System.out.printf("per extra plugin: %.2f ms%n", (last[1] - first[1]) / (last[0] - first[0]));
  }

  private static Path generate(Path dir, int count) {
    for (int i = 0; i < count; i++) {
      TestPluginJar.connector("generated" + i, "generated" + i).writeTo(dir);
    }
    return dir;
  }

  private static void load(Path dir, int expected) {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(dir).build()) {
      if (plugboard.connectors().size() != expected) {
        throw new IllegalStateException("expected " + expected + " connectors, got " + plugboard.plugins());
      }
    }
  }
}
