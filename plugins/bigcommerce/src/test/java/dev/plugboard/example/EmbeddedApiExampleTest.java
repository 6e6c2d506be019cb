package dev.plugboard.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.ConnectResult;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's example of the embedded API, run as written: the body of {@link #connectAStore} is the
 * snippet README shows, word for word. It uses the public API only ({@link PublicApiOnlyTest}
 * keeps it so); the one test helper here builds the plugin jar an application would install.
 */
final class EmbeddedApiExampleTest {

  @TempDir Path pluginsDir;
  @TempDir Path home;

  @BeforeEach
  void installTheBigCommercePlugin() {
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(pluginsDir);
  }

  @Test
  void theReadmeExampleVerifiesConnectsListsVerifiesAgainAndRemovesAStore() {
    String printed = printedBy(() -> connectAStore(pluginsDir, home));

    assertThat(printed.lines()).containsExactly(
        "verify: VERIFIED Acceptance Outfitters (acceptance-outfitters.example)",
        "kept as bigcommerce/acceptance-outfitters",
        "bigcommerce/acceptance-outfitters VERIFIED Acceptance Outfitters (acceptance-outfitters.example)",
        "verified again: VERIFIED",
        "removed: true");
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(pluginsDir).home(home).build()) {
      assertThat(plugboard.connections().list()).isEmpty();
    }
  }

  /** README's example. */
  static void connectAStore(Path pluginsDir, Path home) {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(pluginsDir).home(home).build();
        SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
      // The sandbox stands in for a store; in an application, these are the values its owner typed in.
      Map<String, String> values = sandbox.values();

      VerificationReport report = plugboard.verify("bigcommerce", values);
      System.out.println("verify: " + report.status() + " " + report.account().display());
      report.problems().forEach(problem -> System.out.println(problem.message() + " " + problem.remediation()));

      ConnectResult result = plugboard.connect("bigcommerce", values); // kept, encrypted, only if it verifies
      String name = result.connection().map(Connection::name).orElseThrow();
      System.out.println("kept as " + name);

      for (Connection connection : plugboard.connections().list()) {
        System.out.println(connection.name() + " " + connection.status() + " " + connection.account().display());
      }

      VerificationReport again = plugboard.verifyConnection(name); // recorded in the kept connection
      System.out.println("verified again: " + again.status());

      System.out.println("removed: " + plugboard.connections().remove(name));
    }
  }

  private static String printedBy(Runnable example) {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
