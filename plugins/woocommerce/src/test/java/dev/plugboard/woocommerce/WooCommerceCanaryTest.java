package dev.plugboard.woocommerce;

import dev.plugboard.host.testing.EmbeddedSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.TestPluginJar;
import dev.plugboard.woocommerce.sandbox.SandboxKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets, planted in every kind of WooCommerce run (verified, a warning, each rejection,
 * missing permissions, retried server errors, a dropped connection, kept and shown connections),
 * run by the real {@code plugboard} command in a process of its own logging at debug: no key or
 * secret may appear in its output, its log or its home folder.
 */
final class WooCommerceCanaryTest {

  @TempDir Path dir;

  @Test
  void noKeyOrSecretReachesOutputTheDebugLogOrTheHomeFolder() throws IOException, InterruptedException {
    Path plugins = dir.resolve("plugins");
    TestPluginJar.plugin("woocommerce").directory(Path.of("target/classes")).writeTo(plugins);
    Path home = Files.createDirectories(dir.resolve("home"));
    SandboxOptions faulty = SandboxOptions.builder()
        .grant("Orders", "Products", "Customers", "Coupons", "Sales reports", "Payment gateways", "Refunds")
        .fault(new SandboxFault.ServerError(503, 1, Set.of("Products")))
        .fault(new SandboxFault.ConnectionReset(1, Set.of("Customers")))
        .build();
    try (EmbeddedSandbox sandbox = EmbeddedSandbox.start("woocommerce", plugins, dir.resolve("sandbox-home"), faulty);
        EmbeddedSandbox store = EmbeddedSandbox.start("woocommerce", plugins, dir.resolve("store-home"), SandboxOptions.defaults())) {
      List<Map<String, String>> cases = List.of(sandbox.values(),
          sandbox.valuesWith("consumer_secret", SandboxKeys.WRONG_SECRET),
          sandbox.valuesWith(SandboxKeys.READ_WRITE.values()), sandbox.valuesWith(SandboxKeys.WRITE_ONLY.values()),
          sandbox.valuesWith(SandboxKeys.CUSTOMER_USER.values()), sandbox.valuesWith(SandboxKeys.UNKNOWN.values()),
          WooCommerceCli.atSite(sandbox, "/strips-authorization"), WooCommerceCli.atSite(sandbox, "/blog"));
      List<String> secrets = new ArrayList<>();
      cases.forEach(values -> {
        secrets.add(values.get("consumer_key"));
        secrets.add(values.get("consumer_secret"));
      });
      Map<String, String> kept = store.valuesWith(SandboxKeys.READ_WRITE.values());
      List<String> runs = new ArrayList<>();
      for (Map<String, String> values : cases) {
        runs.add(run(plugins, home, sandbox.address(), values, "verify", "woocommerce", "--json"));
        runs.add(run(plugins, home, sandbox.address(), values, "verify", "woocommerce"));
      }
      runs.add(run(plugins, home, store.address(), kept, "connect", "woocommerce", "--name", "shop"));
      runs.add(run(plugins, home, store.address(), Map.of(), "connections", "list"));
      runs.add(run(plugins, home, store.address(), Map.of(), "connections", "show", "shop"));
      runs.add(run(plugins, home, store.address(), Map.of(), "connections", "show", "shop", "--json"));
      runs.add(run(plugins, home, store.address(), Map.of(), "connections", "verify", "shop"));

      String everything = fork(runs);

      assertThat(everything).as("the log really is at debug").contains("DEBUG").contains("-> 503")
          .contains("-> 401").contains("-> 403");
      assertThat(everything).contains("Saved as shop");
      Canaries.assertNoneIn(everything, secrets);
      Canaries.assertNoneUnder(home, secrets);
    }
  }

  /** One run for {@link WooCommerceCanaryRun}: the arguments, then the values as environment variables. */
  private static String run(Path plugins, Path home, String allowHost, Map<String, String> values, String... args) {
    List<String> parts = new ArrayList<>(List.of("--plugins-dir", plugins.toString(), "--home", home.toString(),
        "--allow-host", allowHost));
    parts.addAll(List.of(args));
    parts.add("--");
    values.forEach((field, value) -> parts.add(WooCommerceCli.variable(field) + "=" + value));
    return String.join("\t", parts);
  }

  /** Every run in one process of its own; what it printed and logged. */
  private String fork(List<String> runs) throws IOException, InterruptedException {
    Path script = dir.resolve("runs.txt");
    Files.write(script, runs, StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path output = dir.resolve("output.txt");
    Process running = new ProcessBuilder(java, "-cp", classPath, WooCommerceCanaryRun.class.getName(), script.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!running.waitFor(3, TimeUnit.MINUTES)) {
      running.destroyForcibly();
      throw new AssertionError("the forked runs did not end within 3 minutes");
    }
    assertThat(running.exitValue()).isZero();
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
