package dev.plugboard.benchmarks;

import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.bigcommerce.BigCommerceConnector;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.inject.HostSettings;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.RunningSandbox;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.verify.Verifier;
import dev.plugboard.host.internal.verify.VerifyOptions;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Wall time of a whole BigCommerce verification (credentials, identity, 13 scopes: 14 calls)
 * against the plugin's sandbox, at 0, 50 and 200 ms of latency per answer, with the default
 * parallelism (every probe at once) and with one call at a time; then under a quota of 5
 * requests per second, where calls must pace themselves. Every run must end verified with all
 * 13 scopes granted, or the benchmark fails.
 *
 * <p>Run from the repository root (the numbers are in README, Benchmarks):
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.plugboard.benchmarks.VerificationBenchmark
 * </pre>
 */
public final class VerificationBenchmark {

  private static final int[] LATENCIES_MS = {0, 50, 200};
  /** Enough quota for the runs without a quota not to meet it. */
  private static final SandboxOptions.Quota PLENTY = new SandboxOptions.Quota(1_000_000, Duration.ofSeconds(30));

  private final PluginRegistry registry;
  private final LoadedConnector connector;
  private final OkHttpClient client = HttpClients.create();
  private final Verifier verifier;

  private VerificationBenchmark(Path pluginsDir) {
    this.registry = PluginRegistry.load(pluginsDir);
    this.connector = registry.connector("bigcommerce");
    this.verifier = new Verifier(new HostSettings(pluginsDir, pluginsDir, List.of()), client);
  }

  public static void main(String[] args) throws IOException, URISyntaxException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "off");
    VerificationBenchmark benchmark = new VerificationBenchmark(pluginsDir());
    try {
      benchmark.run();
    } finally {
      benchmark.close();
    }
  }

  private void run() {
    System.out.printf("%-10s %-12s %6s %10s %10s %10s %12s %9s %6s%n", "latency", "parallelism", "runs", "median ms",
        "min ms", "max ms", "round trips", "requests", "429s");
    for (int latency : LATENCIES_MS) {
      SandboxOptions options = SandboxOptions.builder().latency(Duration.ofMillis(latency)).quota(PLENTY.requests(),
          PLENTY.window()).build();
      int runs = latency == 0 ? 30 : latency == 50 ? 10 : 5;
      Row all = measure(options, 0, latency == 0 ? 20 : 2, runs);
      Row one = measure(options, 1, latency == 0 ? 20 : 1, runs);
      print(latency + " ms", "default", all, latency);
      print(latency + " ms", "1", one, latency);
      System.out.printf("%-10s parallelism 1 takes %.1fx the default's time%n", "", one.median() / all.median());
    }
    Row quota = measureUnderQuota(3);
    print("0 ms", "default", quota, 0);
    System.out.println("  (the last row: quota of 5 requests per second, a fresh quota window for each run)");
  }

  /** {@code runs} verifications after {@code warmup} unmeasured ones, against one sandbox. */
  private Row measure(SandboxOptions options, int parallelism, int warmup, int runs) {
    try (RunningSandbox sandbox = new SandboxLauncher(registry).start(connector, options)) {
      for (int i = 0; i < warmup; i++) {
        verify(sandbox, parallelism);
      }
      int before = sandbox.exchanges().size();
      double[] millis = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        verify(sandbox, parallelism);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      List<SandboxInstance.Exchange> measured = sandbox.exchanges().subList(before, sandbox.exchanges().size());
      return Row.of(millis, measured.size() / runs, (int) measured.stream().filter(e -> e.status() == 429).count());
    }
  }

  /** Each run against its own sandbox holding a quota of 5 requests per second. */
  private Row measureUnderQuota(int runs) {
    SandboxOptions options = SandboxOptions.builder().quota(5, Duration.ofSeconds(1)).build();
    double[] millis = new double[runs];
    int requests = 0;
    int limited = 0;
    for (int i = 0; i < runs; i++) {
      try (RunningSandbox sandbox = new SandboxLauncher(registry).start(connector, options)) {
        long start = System.nanoTime();
        verify(sandbox, 0);
        millis[i] = (System.nanoTime() - start) / 1e6;
        requests += sandbox.exchanges().size();
        limited += (int) sandbox.exchanges().stream().filter(e -> e.status() == 429).count();
      }
    }
    return Row.of(millis, requests / runs, limited);
  }

  private void verify(RunningSandbox sandbox, int parallelism) {
    AllowedHosts hosts = AllowedHosts.of(connector.descriptor().http().allowedHosts(), List.of(sandbox.extraHost()));
    FormatResult values = FormatPhase.check(connector.descriptor(), sandbox.defaults(), hosts);
    VerificationReport report = verifier.verify(connector, values,
        VerifyOptions.builder().parallelism(parallelism).allowHost(sandbox.extraHost()).build());
    long granted = report.scopes().stream().filter(scope -> scope.status() == ScopeCheck.Status.GRANTED).count();
    if (report.status() != VerificationReport.Status.VERIFIED || granted != 13) {
      throw new IllegalStateException("expected verified with 13 scopes granted, got " + report.status() + " with "
          + granted + ": " + report.problems());
    }
  }

  private static void print(String latency, String parallelism, Row row, int latencyMs) {
    String trips = latencyMs == 0 ? "-" : String.format("%.1f", row.median() / latencyMs);
    System.out.printf("%-10s %-12s %6d %10.1f %10.1f %10.1f %12s %9d %6d%n", latency, parallelism, row.runs(),
        row.median(), row.min(), row.max(), trips, row.requests(), row.limited());
  }

  /** The plugin jar as shipped (from the class path), or this build's classes packed into one. */
  private static Path pluginsDir() throws IOException, URISyntaxException {
    Path dir = Files.createTempDirectory("plugboard-bench-verify");
    Path plugin = Path.of(BigCommerceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(plugin)) {
      TestPluginJar.plugin("bigcommerce").directory(plugin).writeTo(dir);
    } else {
      Files.copy(plugin, dir.resolve(plugin.getFileName()));
    }
    return dir;
  }

  private void close() {
    HttpClients.close(client);
    registry.close();
  }

  /** One scenario's figures. */
  private record Row(int runs, double median, double min, double max, int requests, int limited) {
    static Row of(double[] millis, int requestsPerRun, int limited) {
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      return new Row(sorted.length, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], requestsPerRun,
          limited);
    }
  }
}
