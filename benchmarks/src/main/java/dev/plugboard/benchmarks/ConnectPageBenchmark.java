package dev.plugboard.benchmarks;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.bigcommerce.BigCommerceConnector;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.testing.TestPluginJar;
import dev.plugboard.web.ConnectServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The connect page in Debian's headless Chromium, served by {@link ConnectServer} over the
 * BigCommerce plugin and its sandbox at 0, 50 and 200 ms of latency per answer: the time from
 * navigation to the page being interactive (its deferred script run, DOMContentLoaded handled),
 * and from pressing Verify to the first scope shown decided and to the final report shown. The
 * sandbox's quota is lifted, so that no run waits for the rate limit.
 * Every run must end with all 13 scopes granted, or the benchmark fails.
 *
 * <p>Run from the repository root (the numbers are in README, Benchmarks): {@code benchmarks/run connect-page}.
 */
public final class ConnectPageBenchmark {

  private static final int[] LATENCIES_MS = {0, 50, 200};
  private static final int RUNS = 10;

  /** Once the page has loaded: the time from navigation to its deferred script run and DOMContentLoaded handled. */
  private static final String INTERACTIVE = """
      const done = arguments[arguments.length - 1];
      const measure = () => {
        const n = performance.getEntriesByType('navigation')[0];
        if (document.readyState === 'complete' && n && n.domContentLoadedEventEnd > 0) {
          done(n.domContentLoadedEventEnd - n.startTime);
        } else {
          setTimeout(measure, 5);
        }
      };
      measure();
      """;

  /** Installs an observer, presses Verify, and answers [ms to the first scope decided, ms to the report, scopes granted]. */
  private static final String VERIFY = """
      const done = arguments[arguments.length - 1];
      const scopes = document.getElementById('scopes');
      let first = null;
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (first === null && scopes.querySelector('.scope.granted, .scope.missing')) {
          first = performance.now() - start;
        }
        if (document.querySelector('details.report:not([hidden])')) {
          observer.disconnect();
          done([first, performance.now() - start, scopes.querySelectorAll('.scope.granted').length]);
        }
      });
      observer.observe(document.getElementById('results'), {subtree: true, attributes: true, childList: true});
      document.getElementById('verify').click();
      """;

  public static void main(String[] args) throws IOException, URISyntaxException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "off");
    Path dir = Files.createTempDirectory("plugboard-bench-page");
    Path plugin = Path.of(BigCommerceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    if (Files.isDirectory(plugin)) {
      TestPluginJar.plugin("bigcommerce").directory(plugin).writeTo(plugins);
    } else {
      Files.copy(plugin, plugins.resolve(plugin.getFileName()));
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("PLUGBOARD_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,1600", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    ChromeDriverService service = new ChromeDriverService.Builder().usingAnyFreePort()
        .usingDriverExecutable(Path.of(System.getenv().getOrDefault("PLUGBOARD_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
        .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(dir.resolve("home")).build();
        ConnectServer server = ConnectServer.builder(plugboard).port(0).start()) {
      String page = server.uri().resolve("connectors/bigcommerce").toString();
      System.out.printf("%-8s %5s %22s %22s %22s%n", "latency", "runs", "interactive ms", "first scope ms", "report ms");
      System.out.printf("%-8s %5s %22s %22s %22s%n", "", "", "median (min-max)", "median (min-max)", "median (min-max)");
      for (int latency : LATENCIES_MS) {
        try (SandboxSession sandbox = plugboard.startSandbox("bigcommerce",
            SandboxOptions.builder().latency(Duration.ofMillis(latency)).quota(1_000_000, Duration.ofSeconds(30)).build())) {
          List<double[]> rows = new ArrayList<>();
          for (int run = -1; run < RUNS; run++) { // run -1 warms up the server, the JIT and the browser's cache
            browser.get(page);
            double interactive = ((Number) browser.executeAsyncScript(INTERACTIVE)).doubleValue();
            fill(browser, sandbox.values());
            @SuppressWarnings("unchecked")
            List<Number> verify = (List<Number>) browser.executeAsyncScript(VERIFY);
            if (verify.get(2).intValue() != 13) {
              throw new IllegalStateException("a run ended with " + verify.get(2) + " of 13 scopes granted");
            }
            if (run >= 0) {
              rows.add(new double[] {interactive, verify.get(0).doubleValue(), verify.get(1).doubleValue()});
            }
          }
          System.out.printf("%-8s %5d %22s %22s %22s%n", latency + " ms", RUNS, figure(rows, 0), figure(rows, 1),
              figure(rows, 2));
        }
      }
    } finally {
      browser.quit();
    }
  }

  /** Types the sandbox account's values into the form, as the page's fields hold them. */
  private static void fill(ChromeDriver browser, Map<String, String> values) {
    values.forEach((field, value) -> browser.executeScript(
        "document.getElementById(arguments[0]).value = arguments[1];", "f-" + field, value));
  }

  private static String figure(List<double[]> rows, int column) {
    double[] sorted = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
    return String.format("%.0f (%.0f-%.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }

  private ConnectPageBenchmark() {}
}
