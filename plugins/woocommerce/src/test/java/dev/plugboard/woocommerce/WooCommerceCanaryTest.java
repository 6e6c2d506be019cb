package dev.plugboard.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.cli.Main;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.woocommerce.sandbox.SandboxKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets, planted in every kind of WooCommerce run (verified, a warning, each rejection,
 * missing permissions, retried server errors, a dropped connection, kept and shown connections),
 * each in a process of its own running the real {@code plugboard} command with
 * {@code PLUGBOARD_LOG=debug}: no key or secret may appear in its output, its log or its home folder.
 */
final class WooCommerceCanaryTest {

  @TempDir Path dir;

  @Test
  void noKeyOrSecretReachesOutputTheDebugLogOrTheHomeFolder() throws IOException, InterruptedException {
    Path plugins = dir.resolve("plugins");
    dev.plugboard.host.testing.TestPluginJar.plugin("woocommerce").directory(Path.of("target/classes")).writeTo(plugins);
    Path home = Files.createDirectories(dir.resolve("home"));
    SandboxOptions options = SandboxOptions.builder()
        .grant("Orders", "Products", "Customers", "Coupons", "Sales reports", "Payment gateways", "Refunds")
        .fault(new SandboxFault.ServerError(503, 1, Set.of("Products")))
        .fault(new SandboxFault.ConnectionReset(1, Set.of("Customers")))
        .build();
    try (EmbeddedSandbox sandbox = EmbeddedSandbox.start(plugins, dir.resolve("sandbox-home"), options)) {
      List<Map<String, String>> cases = List.of(sandbox.values(),
          sandbox.valuesWith("consumer_secret", SandboxKeys.WRONG_SECRET),
          sandbox.valuesWith(SandboxKeys.READ_WRITE), sandbox.valuesWith(SandboxKeys.WRITE_ONLY),
          sandbox.valuesWith(SandboxKeys.CUSTOMER_USER), sandbox.valuesWith(SandboxKeys.UNKNOWN),
          sandbox.valuesAtSite("/strips-authorization"), sandbox.valuesAtSite("/blog"));
      List<String> secrets = new ArrayList<>();
      cases.forEach(values -> {
        secrets.add(values.get("consumer_key"));
        secrets.add(values.get("consumer_secret"));
      });
      StringBuilder everything = new StringBuilder();
      for (Map<String, String> values : cases) {
        everything.append(plugboard(plugins, home, sandbox.address(), values, "verify", "woocommerce", "--json"));
        everything.append(plugboard(plugins, home, sandbox.address(), values, "verify", "woocommerce"));
      }
      Map<String, String> keptKey = sandbox.valuesWith(SandboxKeys.READ_WRITE);
      everything.append(plugboard(plugins, home, sandbox.address(), keptKey, "connect", "woocommerce", "--name", "shop"));
      everything.append(plugboard(plugins, home, sandbox.address(), Map.of(), "connections", "show", "shop"));
      everything.append(plugboard(plugins, home, sandbox.address(), Map.of(), "connections", "show", "shop", "--json"));
      everything.append(plugboard(plugins, home, sandbox.address(), Map.of(), "connections", "verify", "shop"));

      assertThat(everything).as("the log really is at debug").contains("DEBUG").contains("-> 503")
          .contains("-> 401").contains("-> 403");
      assertThat(everything).contains("Saved as shop");
      Canaries.assertNoneIn(everything.toString(), secrets);
      Canaries.assertNoneUnder(home, secrets);
    }
  }

  /** One run of the real command in a process of its own; its output, with the values in its environment. */
  private static String plugboard(Path plugins, Path home, String allowHost, Map<String, String> values, String... args)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, Main.class.getName(),
        "--plugins-dir", plugins.toString(), "--home", home.toString(), "--allow-host", allowHost));
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PLUGBOARD_LOG", "debug");
    values.forEach((field, value) -> environment.put(WooCommerceCli.variable(field), value));
    process.environment().putAll(environment);
    Path output = Files.createTempFile(home.getParent(), "run", ".txt");
    process.redirectOutput(output.toFile());
    Process running = process.start();
    if (!running.waitFor(2, TimeUnit.MINUTES)) {
      running.destroyForcibly();
      throw new AssertionError("plugboard " + String.join(" ", args) + " did not end within 2 minutes");
    }
    return Files.readString(output, StandardCharsets.UTF_8) + "\n[exit " + running.exitValue() + "]\n";
  }
}
