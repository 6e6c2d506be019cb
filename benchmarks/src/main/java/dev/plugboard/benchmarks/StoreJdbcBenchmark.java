package dev.plugboard.benchmarks;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import dev.plugboard.store.jdbc.JdbcConnectionStore;
import dev.plugboard.store.jdbc.Reverification;
import dev.plugboard.store.jdbc.ReverificationListener;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import dev.plugboard.store.jdbc.testing.PostgresCluster;
import dev.plugboard.store.jdbc.testing.TestStores;
import com.google.crypto.tink.Aead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database store on a throwaway PostgreSQL: with 10³, 10⁴ and 10⁵ connections kept, the time
 * of one {@code find} and of one page of 100 ({@code list}, deep in the listing) and the heap in
 * use, which stay flat as N grows; then re-verification throughput with 1, 2 and 4 instances
 * (each its own Plugboard, pool and scheduler, in this JVM) over one database, against the
 * BigCommerce sandbox answering 50 ms late.
 *
 * <p>Run: {@code benchmarks/run store-jdbc}.
 */
public final class StoreJdbcBenchmark {

  private static final int[] SIZES = {1_000, 10_000, 100_000};
  private static final int RUNS = 200;
  private static final int REVERIFIED = 200;

  private StoreJdbcBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "off");
    Path folder = Files.createTempDirectory("plugboard-bench-store");
    try (PostgresCluster postgres = PostgresCluster.start()) {
      storeQueries(folder, TestKeys.applicationAead());
      reverification(folder, postgres);
    }
  }

  private static void storeQueries(Path folder, Aead key) throws Exception {
    System.out.printf("%-12s %14s %14s %16s %14s%n", "connections", "find ms (p50)", "page ms (p50)", "page ms (p99)", "heap MB");
    try (JdbcConnectionStore store = TestStores.postgres(folder, key)) {
      int kept = 0;
      for (int size : SIZES) {
        fill(store, kept, size);
        kept = size;
        double[] finds = new double[RUNS];
        double[] pages = new double[RUNS];
        for (int warm = 0; warm < 2; warm++) {
          for (int i = 0; i < RUNS; i++) {
            int k = (int) ((long) i * 7919 % size);
            String name = name(k);
            String tenant = "tenant-" + (k % 10);
            long start = System.nanoTime();
            store.find(tenant, name).orElseThrow();
            finds[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            store.list(ConnectionQuery.of(tenant).after(name).limit(100)).items().size();
            pages[i] = (System.nanoTime() - start) / 1e6;
          }
        }
        System.out.printf("%-12d %14.2f %14.2f %16.2f %14.1f%n", size, median(finds), median(pages), percentile(pages, 0.99),
            heapMegabytes());
      }
    }
  }

  /** Keeps connections {@code from} to {@code to}, 10 tenants, from 4 threads. */
  private static void fill(JdbcConnectionStore store, int from, int to) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        writers.add(pool.submit(() -> {
          for (int i = from + thread; i < to; i += 4) {
            store.put(TestConnections.connection(name(i)).withTenant("tenant-" + (i % 10)), 0);
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void reverification(Path folder, PostgresCluster postgres) throws Exception {
    Path plugins = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    Aead key = TestKeys.applicationAead();
    System.out.printf("%n%-10s %14s %12s %22s%n", "instances", "connections", "seconds", "verifications per s");
    for (int instances : new int[] {1, 2, 4}) {
      String url = postgres.newDatabase() + "?user=" + postgres.user();
      List<JdbcConnectionStore> stores = new ArrayList<>();
      List<Plugboard> hosts = new ArrayList<>();
      List<Reverification> running = new ArrayList<>();
      try (Plugboard setup = Plugboard.builder().pluginsDir(plugins).home(folder)
              .connectionStore(open(url, folder, key, postgres, stores)).build();
          SandboxSession sandbox = setup.startSandbox("bigcommerce", SandboxOptions.builder()
              .latency(Duration.ofMillis(50)).quota(1_000_000, Duration.ofSeconds(30)).build())) {
        Connection template = setup.connect("bigcommerce", sandbox.values(), "shop/template").connection().orElseThrow();
        Instant now = Instant.now();
        for (int i = 0; i < REVERIFIED; i++) {
          setup.connections().put(new Connection("tenant-" + (i % 10), name(i), template.connector(),
              template.pluginVersion(), template.values(), template.secretFields(), template.account(),
              template.scopes(), template.status(), template.checkedAt(), Optional.of(now), 0), 0);
        }
        AtomicInteger verified = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < instances; i++) {
          Plugboard host = Plugboard.builder().pluginsDir(plugins).home(folder).allowHost(sandbox.address())
              .connectionStore(open(url, folder, key, postgres, stores)).build();
          hosts.add(host);
          running.add(Reverification.builder(host).every(Duration.ofHours(1)).threads(4).perHost(4)
              .pollingInterval(Duration.ofMillis(200)).sweepInterval(Duration.ofSeconds(1)).instanceName("bench-" + i)
              .listener(new ReverificationListener() {
                @Override
                public void verified(String tenant, String name, VerificationReport report) {
                  verified.incrementAndGet();
                }
              }).start());
        }
        while (verified.get() < REVERIFIED) {
          Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-10d %14d %12.1f %22.1f%n", instances, REVERIFIED, seconds, REVERIFIED / seconds);
      } finally {
        running.forEach(Reverification::close);
        hosts.forEach(Plugboard::close);
        stores.forEach(JdbcConnectionStore::close);
      }
    }
    System.out.println("  (each instance: 4 threads, at most 4 verifications at once per platform host; 50 ms per answer)");
  }

  private static JdbcConnectionStore open(String url, Path home, Aead key, PostgresCluster postgres,
      List<JdbcConnectionStore> opened) {
    JdbcConnectionStore store = JdbcConnectionStore.open(url, TestStores.context(home, key,
        java.util.Map.of("PLUGBOARD_STORE_PASSWORD", postgres.password())));
    opened.add(store);
    return store;
  }

  private static String name(int i) {
    return String.format("shop/s%06d", i);
  }

  private static double heapMegabytes() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
  }
}
