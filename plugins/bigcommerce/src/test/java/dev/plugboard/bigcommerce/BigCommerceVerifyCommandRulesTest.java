package dev.plugboard.bigcommerce;

import dev.plugboard.host.testing.EmbeddedSandbox;
import static dev.plugboard.bigcommerce.BigCommerceCli.elements;
import static dev.plugboard.bigcommerce.BigCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The verification rules at the command line: a sandbox runs in the test's JVM (started through
 * the public API), and {@code plugboard verify} gets its values from the environment and its
 * address from {@code --allow-host}, so the test decides what is sent.
 */
final class BigCommerceVerifyCommandRulesTest {


  @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();

  @Test
  void aRejectedTokenIsOneProblemWithEveryScopeSkippedNotThirteenMissing() {
    try (EmbeddedSandbox sandbox = start(SandboxOptions.defaults())) {
      Map<String, String> values = sandbox.valuesWith("access_token", BigCommerceCli.REJECTED_TOKEN);

      CliRun.Result json = verify(values, sandbox.address(), "--json");
      CliRun.Result text = verify(values, sandbox.address());

      assertThat(json.exitCode()).as(json.all()).isEqualTo(1);
      JsonNode report = json(json.out());
      assertThat(report.get("status").asString()).isEqualTo("failed");
      assertThat(elements(report.get("problems"))).singleElement().satisfies(problem -> {
        assertThat(problem.get("code").asString()).isEqualTo("credentials_rejected");
        assertThat(problem.get("message").asString()).isEqualTo("BigCommerce rejected the access token (401 Unauthorized).");
        assertThat(problem.get("remediation").asString()).endsWith("(guide step 8: Copy the credentials)");
      });
      assertThat(elements(report.get("scopes"))).hasSize(13)
          .allSatisfy(scope -> assertThat(scope.get("status").asString()).isEqualTo("skipped"));

      assertThat(text.exitCode()).isEqualTo(1);
      assertThat(text.out()).contains("BigCommerce rejected the access token (401 Unauthorized).")
          .contains("Result: failed: BigCommerce rejected the access token (401 Unauthorized) (exit 1)")
          .contains("Scopes: none of the 13 was checked (`plugboard describe bigcommerce` lists them)")
          .doesNotContain("missing").doesNotContain("  skipped      Orders");
      for (CliRun.Result result : List.of(json, text)) {
        Canaries.assertNoneIn(result.all(), List.of(BigCommerceCli.REJECTED_TOKEN, values.get("client_secret")));
      }
    }
  }

  @Test
  void anUnreachableStoreCouldNotFinishAndNamesWhereItWentForNothing() {
    Map<String, String> values;
    String address;
    try (EmbeddedSandbox sandbox = start(SandboxOptions.defaults())) {
      values = sandbox.values();
      address = sandbox.address();
    }

    CliRun.Result result = verify(values, address);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
    assertThat(result.out()).contains("Could not reach BigCommerce: connection refused by " + address
        + " (nothing listens there).").contains("Result: inconclusive");
    assertThat(result.err()).doesNotContain("Exception");
    Canaries.assertNoneIn(result.all(), List.of(values.get("access_token"), values.get("client_secret")));
  }

  @Test
  void aStoreSlowerThanTheTimeoutIsInconclusiveAtTheDeadline() {
    try (EmbeddedSandbox sandbox = start(SandboxOptions.builder().latency(Duration.ofSeconds(30)).build())) {
      CliRun.Result result = verify(sandbox.values(), sandbox.address(), "--timeout", "300ms", "--json");

      assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
      JsonNode report = json(result.out());
      assertThat(report.get("status").asString()).isEqualTo("inconclusive");
      assertThat(elements(report.get("problems"))).anySatisfy(problem -> {
        assertThat(problem.get("code").asString()).isEqualTo("timeout");
        assertThat(problem.get("message").asString()).contains("deadline of 300 ms");
      });
      assertThat(elements(report.get("scopes"))).hasSize(13)
          .noneSatisfy(scope -> assertThat(scope.get("status").asString()).isIn("granted", "missing"));
    }
  }

  private CliRun.Result verify(Map<String, String> values, String address, String... more) {
    List<String> args = new ArrayList<>(List.of("--allow-host", address, "verify", "bigcommerce"));
    args.addAll(List.of(more));
    return cli.given(values, args.toArray(String[]::new)).run();
  }

  private static EmbeddedSandbox start(SandboxOptions options) {
    return cli.sandbox(options);
  }
}
