package dev.plugboard.benchmarks;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.Page;
import dev.plugboard.host.internal.store.FileConnectionStore;
import dev.plugboard.host.testing.TestConnections;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * What one operation of the file store costs at 10, 1,000 and 10,000 kept connections: a put
 * (replacing a connection, four fsynced files), a find, a page of 100, each as median wall time
 * and bytes allocated, and the heap in use with the store open. A store whose cost does not grow
 * with the number of connections shows flat columns.
 *
 * <p>Run: {@code benchmarks/run store} (the store is written under {@code benchmarks/target}, on
 * the disk, so fsyncs are real).
 */
public final class StoreBenchmark {

  private static final int[] SIZES = {10, 1_000, 10_000};
  private static final int WARMUP = 20;
  private static final int PUTS = 60;
  private static final int FINDS = 400;
  private static final int PAGES = 40;

  private StoreBenchmark() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Path root = Files.createDirectories(Path.of("benchmarks", "target", "store-benchmark"));
    System.out.printf("%-8s %9s %9s %9s %9s %11s %11s %9s%n", "kept", "put ms", "put KB", "find ms", "find KB",
        "page100 ms", "page100 KB", "heap MB");
    for (int size : SIZES) {
      Path home = root.resolve(Integer.toString(size));
      delete(home);
      ConnectionStore store = FileConnectionStore.withKeysetFile(home);
      for (int i = 0; i < size; i++) {
        store.put(connection(i));
      }
      ConnectionStore fresh = FileConnectionStore.withKeysetFile(home);
      Result put = measure(PUTS, i -> fresh.put(connection(i * 7919 % size)));
      Result find = measure(FINDS, i -> fresh.find(name(i * 104_729 % size)).orElseThrow());
      Result page = measure(PAGES, i -> {
        Optional<String> after = size <= 100 ? Optional.empty() : Optional.of(name(i * 7919 % (size - 100)));
        ConnectionQuery query = ConnectionQuery.of("default").limit(100);
        Page<Connection> items = fresh.list(after.map(query::after).orElse(query));
        if (items.items().size() != Math.min(100, size)) {
          throw new IllegalStateException("a page of " + items.items().size());
        }
      });
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf("%-8d %9.2f %9.0f %9.3f %9.0f %11.2f %11.0f %9.1f%n", size, put.millis, put.kilobytes,
          find.millis, find.kilobytes, page.millis, page.kilobytes, heap / 1e6);
      delete(home);
    }
  }

  private record Result(double millis, double kilobytes) {}

  private static Result measure(int runs, IntConsumer operation) {
    for (int i = 0; i < WARMUP; i++) {
      operation.accept(i);
    }
    double[] millis = new double[runs];
    double[] bytes = new double[runs];
    for (int i = 0; i < runs; i++) {
      long allocated = allocated();
      long start = System.nanoTime();
      operation.accept(WARMUP + i);
      millis[i] = (System.nanoTime() - start) / 1e6;
      bytes[i] = allocated() - allocated;
    }
    Arrays.sort(millis);
    Arrays.sort(bytes);
    return new Result(millis[runs / 2], bytes[runs / 2] / 1024);
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static String name(int i) {
    return String.format("bench/shop-%06d", i);
  }

  private static Connection connection(int i) {
    return TestConnections.connection(name(i));
  }

  private static void delete(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
