package dev.plugboard.benchmarks;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Http;
import dev.plugboard.api.descriptor.RateLimit;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.bigcommerce.BigCommerceConnector;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.RunningSandbox;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.verify.Verifier;
import dev.plugboard.host.internal.verify.VerifyOptions;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Wall time of a whole BigCommerce verification (credentials, identity, 13 scopes: 14 calls)
 * against the plugin's sandbox, at 0, 50 and 200 ms of latency per answer, with the default
 * parallelism (every probe at once), with one call at a time, and with the descriptor's
 * {@code rateLimit.burst} left out (one call first); then under a quota of 5
 * requests per second, where calls must pace themselves, in one wave and as before it, and in one
 * wave with the descriptor's burst left out (one call first, the rest paced by its answer). Then one
 * wave against the design before it (probes after the first two calls) over a network of 50 and
 * 200 ms round trips, plain http and TLS 1.3 (a stand-in with a certificate made at run time),
 * over TLS both to an origin met before and to one never met. Every run must end verified with all
 * 13 scopes granted, or the benchmark fails. The argument {@code network} runs only the last part.
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
    if (args.length > 1 || args.length == 1 && !args[0].equals("network")) {
      throw new IllegalArgumentException("usage: VerificationBenchmark [network] (network: only the runs over a"
          + " network with latency); got " + String.join(" ", args));
    }
    VerificationBenchmark benchmark = new VerificationBenchmark(pluginsDir());
    try {
      if (args.length == 1) {
        benchmark.waves();
      } else {
        benchmark.run();
      }
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
      Row all = measure(options, 0, latency == 0 ? 20 : 2, runs, connector);
      Row one = measure(options, 1, latency == 0 ? 20 : 1, runs, connector);
      Row noBurst = measure(options, 0, latency == 0 ? 20 : 2, runs, withoutBurst(connector));
      print(latency + " ms", "default", all, latency);
      print(latency + " ms", "1", one, latency);
      print(latency + " ms", "no burst", noBurst, latency);
      System.out.printf("%-10s parallelism 1 takes %.1fx the default's time%n", "", one.median() / all.median());
    }
    print("0 ms", "before", measureUnderQuota(3, false, connector), 0);
    print("0 ms", "one wave", measureUnderQuota(3, true, connector), 0);
    print("0 ms", "no burst", measureUnderQuota(3, true, withoutBurst(connector)), 0);
    System.out.println("  (the last rows: quota of 5 requests per second, a fresh quota window for each run;"
        + " 429s are all runs' together; one wave sends the descriptor's burst of "
        + connector.descriptor().http().rateLimit().burst().orElse(1) + " before the first answer, 'no burst' the same"
        + " descriptor without it: one call first)");
    System.out.println();
    waves();
  }

  /**
   * One wave against the design before it (the probes after the credentials check and the identity
   * call), over a network with 50 and 200 ms round trips (a relay holding every chunk half that
   * long each way), over plain http and over TLS 1.3 with HTTP/1.1 and with HTTP/2. Each run starts
   * with no pooled connection, as a CLI run does; connections are those the relay accepted. Over
   * TLS one wave is measured twice: to an origin the process has met in the warm-up runs (as an
   * application verifying again once its pooled connections have gone) and to one it has never met
   * (each run through a relay of its own, on a port of its own: a CLI run's first contact).
   */
  private void waves() {
    System.out.printf("%-22s %-8s %-14s %5s %10s %10s %10s %12s %12s%n", "transport", "latency", "design", "runs",
        "median ms", "min ms", "max ms", "round trips", "connections");
    for (Transport transport : Transport.values()) {
      for (int latency : new int[] {50, 200}) {
        printWave(transport, latency, "before", measureWaves(transport, latency, false, false));
        printWave(transport, latency, "one wave", measureWaves(transport, latency, true, false));
        if (transport != Transport.HTTP) {
          printWave(transport, latency, "1st contact", measureWaves(transport, latency, true, true));
        }
      }
    }
    System.out.println("  ('1st contact': one wave to an origin this process has never met, a relay of its own per run)");
  }

  private Row measureWaves(Transport transport, int latencyMs, boolean oneWave, boolean firstContact) {
    SandboxOptions options = SandboxOptions.builder().quota(PLENTY.requests(), PLENTY.window()).build();
    int runs = latencyMs == 50 ? 9 : 5;
    try (RunningSandbox sandbox = new SandboxLauncher(registry).start(connector, options)) {
      HttpUrl sandboxUrl = HttpUrl.parse("http://" + sandbox.extraHost() + "/");
      TlsFront front = transport == Transport.HTTP ? null : new TlsFront(sandboxUrl, transport == Transport.TLS_H2);
      InetSocketAddress behind = new InetSocketAddress(InetAddress.getLoopbackAddress(),
          front == null ? sandboxUrl.port() : front.port());
      OkHttpClient runClient = front == null ? HttpClients.create() : front.trusting(HttpClients.create());
      Verifier waveVerifier = new Verifier(new HostSettings(registry.pluginsDir(), registry.pluginsDir(), List.of()),
          runClient);
      Network network = new Network(waveVerifier, runClient, sandbox.defaults(), front != null, oneWave);
      try (LatencyRelay relay = new LatencyRelay(behind, latencyMs)) {
        for (int i = 0; i < 2; i++) {
          network.run(relay);
        }
        double[] millis = new double[runs];
        int connections = 0;
        for (int i = 0; i < runs; i++) {
          if (firstContact) {
            try (LatencyRelay own = new LatencyRelay(behind, latencyMs)) {
              millis[i] = network.run(own);
              connections += own.accepted();
            }
          } else {
            int before = relay.accepted();
            millis[i] = network.run(relay);
            connections += relay.accepted() - before;
          }
        }
        return Row.of(millis, connections / runs, 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        HttpClients.close(runClient);
        if (front != null) {
          front.close();
        }
      }
    }
  }

  /** Verifications through a relay, each with no pooled connection, as a CLI run starts. */
  private final class Network {
    private final Verifier verifier;
    private final OkHttpClient client;
    private final Map<String, String> defaults;
    private final boolean tls;
    private final boolean oneWave;

    Network(Verifier verifier, OkHttpClient client, Map<String, String> defaults, boolean tls, boolean oneWave) {
      this.verifier = verifier;
      this.client = client;
      this.defaults = defaults;
      this.tls = tls;
      this.oneWave = oneWave;
    }

    /** One verification through {@code relay}; its wall time in milliseconds. */
    double run(LatencyRelay relay) {
      ExtraHost allowed = new ExtraHost(tls ? "localhost" : "127.0.0.1", relay.port());
      Map<String, String> values = new LinkedHashMap<>(defaults);
      String apiPath = values.get("api_path");
      values.put("api_path", (tls ? "https://" : "http://") + allowed + apiPath.substring(apiPath.indexOf("/stores/")));
      client.connectionPool().evictAll();
      long start = System.nanoTime();
      verify(verifier, values, allowed, 0, oneWave);
      return (System.nanoTime() - start) / 1e6;
    }
  }

  private static void printWave(Transport transport, int latencyMs, String design, Row row) {
    System.out.printf("%-22s %-8s %-14s %5d %10.1f %10.1f %10.1f %12.1f %12d%n", transport.label, latencyMs + " ms",
        design, row.runs(), row.median(), row.min(), row.max(), row.median() / latencyMs, row.requests());
  }

  private enum Transport {
    HTTP("http"),
    TLS_H1("TLS 1.3, HTTP/1.1"),
    TLS_H2("TLS 1.3, HTTP/2");

    private final String label;

    Transport(String label) {
      this.label = label;
    }
  }

  /** {@code runs} verifications of {@code used} after {@code warmup} unmeasured ones, against one sandbox. */
  private Row measure(SandboxOptions options, int parallelism, int warmup, int runs, LoadedConnector used) {
    try (RunningSandbox sandbox = new SandboxLauncher(registry).start(connector, options)) {
      for (int i = 0; i < warmup; i++) {
        verify(verifier, used, sandbox.defaults(), sandbox.extraHost(), parallelism, true);
      }
      int before = sandbox.exchanges().size();
      double[] millis = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        verify(verifier, used, sandbox.defaults(), sandbox.extraHost(), parallelism, true);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      List<SandboxInstance.Exchange> measured = sandbox.exchanges().subList(before, sandbox.exchanges().size());
      return Row.of(millis, measured.size() / runs, (int) measured.stream().filter(e -> e.status() == 429).count());
    }
  }

  /** Each run against its own sandbox holding a quota of 5 requests per second. */
  private Row measureUnderQuota(int runs, boolean oneWave, LoadedConnector quotaConnector) {
    SandboxOptions options = SandboxOptions.builder().quota(5, Duration.ofSeconds(1)).build();
    double[] millis = new double[runs];
    int requests = 0;
    int limited = 0;
    for (int i = 0; i < runs; i++) {
      try (RunningSandbox sandbox = new SandboxLauncher(registry).start(connector, options)) {
        long start = System.nanoTime();
        verify(verifier, quotaConnector, sandbox.defaults(), sandbox.extraHost(), 0, oneWave);
        millis[i] = (System.nanoTime() - start) / 1e6;
        requests += sandbox.exchanges().size();
        limited += (int) sandbox.exchanges().stream().filter(e -> e.status() == 429).count();
      }
    }
    return Row.of(millis, requests / runs, limited);
  }

  private void verify(Verifier verifier, Map<String, String> values, ExtraHost allowed, int parallelism,
      boolean oneWave) {
    verify(verifier, connector, values, allowed, parallelism, oneWave);
  }

  /** One verification of {@code values}, {@code allowed} on the allow-list, checked to end verified. */
  private static void verify(Verifier verifier, LoadedConnector connector, Map<String, String> values,
      ExtraHost allowed, int parallelism, boolean oneWave) {
    AllowedHosts hosts = AllowedHosts.of(connector.descriptor().http().allowedHosts(), List.of(allowed));
    FormatResult checked = FormatPhase.check(connector.descriptor(), values, hosts);
    VerificationReport report = verifier.verify(connector, checked,
        VerifyOptions.builder().parallelism(parallelism).allowHost(allowed).oneWave(oneWave).build());
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

  /** {@code loaded} with its descriptor's {@code rateLimit.burst} left out, as a descriptor that does not know it. */
  private static LoadedConnector withoutBurst(LoadedConnector loaded) {
    ConnectorDescriptor d = loaded.descriptor();
    Http http = d.http();
    RateLimit unknown = http.rateLimit().withBurst(OptionalInt.empty());
    Http same = new Http(http.baseUrl(), http.allowedHosts(), http.auth(), http.headers(), http.rejectedStatuses(),
        unknown, http.answers());
    ConnectorDescriptor descriptor = new ConnectorDescriptor(d.format(), d.id(), d.name(), d.summary(), d.guide(),
        d.fields(), d.credentialsFile(), same, d.platformCheck(), d.credentials(), d.identity(), d.scopes(),
        d.scopeListing(), d.scopeRemediation(), d.excess(), d.diagnoses());
    return new LoadedConnector(descriptor, loaded.pluginId(), loaded.pluginVersion(), loaded.classLoader());
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
