package dev.plugboard.woocommerce;

import static dev.plugboard.woocommerce.WooCommerceCli.elements;
import static dev.plugboard.woocommerce.WooCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.woocommerce.sandbox.SandboxKeys;
import dev.plugboard.woocommerce.sandbox.WooCommerceSandbox;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code plugboard verify woocommerce} sends, as the sandbox saw it: the WordPress index
 * first and without the key, then GETs only, and one POST to a route that does not exist.
 */
final class WooCommerceVerifyCallsTest {

  private static final String PERMISSION_CHECK = "/wp-json/wc/v3/plugboard-permission-check";

  @RegisterExtension static final WooCommerceCli cli = new WooCommerceCli();
  private SandboxInstance sandbox;

  @BeforeEach
  void start() {
    sandbox = new WooCommerceSandbox().start(SandboxOptions.defaults());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void theWordPressIndexGoesFirstThenOnlyGetsAndOnePostThatChangesNothing() {
    CliRun.Result result = verify(sandbox.values());

    assertThat(result.exitCode()).as(result.all()).isZero();
    List<SandboxInstance.Exchange> sent = sandbox.exchanges();
    assertThat(sent.get(0).method()).isEqualTo("GET");
    assertThat(sent.get(0).path()).startsWith("/wp-json/?_fields=");
    assertThat(sent.get(0).status()).as("a key sent there would be refused (WooCommerce 11.1)").isEqualTo(200);
    assertThat(sent).filteredOn(exchange -> !exchange.method().equals("GET"))
        .extracting(SandboxInstance.Exchange::method, SandboxInstance.Exchange::path)
        .containsExactly(tuple("POST", PERMISSION_CHECK));
    assertThat(sent).allSatisfy(exchange -> assertThat(exchange.path()).startsWith("/wp-json/")
        .doesNotContain("consumer_"));
    assertThat(sent).filteredOn(exchange -> exchange.path().contains("?per_page=1")).hasSize(8);
  }

  @Test
  void anAddressThatIsNotAStoreGetsTheUnauthenticatedIndexCallAndNothingElse() {
    CliRun.Result result = verify(at("/blog"));

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(sandbox.exchanges()).singleElement()
        .satisfies(exchange -> assertThat(exchange.path()).startsWith("/blog/wp-json/?_fields="));
  }

  @Test
  void aStoreInASubFolderVerifiesFromAPastedAdminAddressAndIsCalledThereOnly() {
    CliRun.Result result = verify(at("/shop/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys#keys"));

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(json(result.out()).get("account").toString()).contains(sandbox.values().get("store_url") + "/shop");
    assertThat(sandbox.exchanges()).allSatisfy(exchange -> assertThat(exchange.path()).startsWith("/shop/wp-json/"));
  }

  @Test
  void aRejectedKeyStopsTheRunAfterTheCredentialsCheckWithEveryPermissionSkipped() {
    Map<String, String> values = new LinkedHashMap<>(sandbox.values());
    values.put("consumer_secret", SandboxKeys.WRONG_SECRET);

    CliRun.Result result = verify(values);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(elements(json(result.out()).get("scopes"))).allSatisfy(scope -> assertThat(scope.get("status")
        .asString()).isEqualTo("skipped"));
    assertThat(sandbox.exchanges()).noneSatisfy(exchange -> assertThat(exchange.method()).isEqualTo("POST"));
  }

  @Test
  void aWebHostsRateLimitIsWaitedOutAsItsRetryAfterSaysAndEveryPermissionIsStillProven() {
    try (SandboxInstance limited = new WooCommerceSandbox().start(SandboxOptions.builder()
        .quota(4, Duration.ofSeconds(1)).build())) {
      CliRun.Result result = cli.given(limited.values(), "--allow-host", limited.address(), "verify", "woocommerce",
          "--json").run();

      assertThat(result.exitCode()).as(result.all()).isZero();
      assertThat(limited.exchanges()).extracting(SandboxInstance.Exchange::status).contains(429);
      assertThat(elements(json(result.out()).get("scopes"))).allSatisfy(scope -> assertThat(scope.get("status")
          .asString()).isEqualTo("granted"));
    }
  }

  private CliRun.Result verify(Map<String, String> values) {
    return cli.given(values, "--allow-host", sandbox.address(), "verify", "woocommerce", "--json").run();
  }

  private Map<String, String> at(String folder) {
    Map<String, String> values = new LinkedHashMap<>(sandbox.values());
    values.put("store_url", sandbox.values().get("store_url") + folder);
    return values;
  }
}
