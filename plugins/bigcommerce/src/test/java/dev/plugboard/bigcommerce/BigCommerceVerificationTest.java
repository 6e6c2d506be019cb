package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every verification rule, against the BigCommerce sandbox, through the real plugin jar and the host's engine. */
final class BigCommerceVerificationTest {

  static final List<String> THIRTEEN_SCOPES = List.of("Content", "Customers", "Information & Settings",
      "Marketing", "Orders", "Order Transactions", "Get Payment Methods", "Products", "Checkouts", "Sites & Routes",
      "Channel Settings", "Channel Listings", "Store Inventory");

  @TempDir Path plugins;

  @Test
  void aStoreGrantingEveryScopeIsVerifiedAndNamedInFourteenCallsWithoutTrailingSlashes() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.defaults())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.account().display()).isEqualTo("Acceptance Outfitters (acceptance-outfitters.example)");
      assertThat(report.account().values()).containsEntry("currency", "USD").containsEntry("timezone", "America/Chicago")
          .containsEntry("default_channel_id", "1");
      assertThat(report.phases().get(2).message())
          .isEqualTo("connected to Acceptance Outfitters (acceptance-outfitters.example)");
      assertThat(report.scopes()).extracting(ScopeCheck::name).containsExactlyElementsOf(THIRTEEN_SCOPES);
      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.GRANTED);
      assertThat(report.problems()).isEmpty();
      assertThat(store.exchanges()).as("v2/time, v2/store (identity and a probe), 12 more probes").hasSize(14)
          .allSatisfy(exchange -> {
            assertThat(exchange.method()).isEqualTo("GET");
            assertThat(exchange.path()).doesNotContain("//").satisfies(path ->
                assertThat(path.contains("?") ? path.substring(0, path.indexOf('?')) : path).doesNotEndWith("/"));
          });
    }
  }

  @Test
  void revokedTokenIsReportedOnceNotAsThirteenMissingScopes() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder().fault(new SandboxFault.RejectToken()).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("credentials_rejected");
        assertThat(problem.message()).isEqualTo("BigCommerce rejected the access token (401 Unauthorized).");
        assertThat(problem.remediation()).startsWith("Copy the Access Token again")
            .endsWith("(guide step 8: Copy the credentials)");
      });
      assertThat(report.scopes()).hasSize(13).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.SKIPPED);
      assertThat(report.scopes()).as("the probes went out with the token check; their answers are ignored")
          .extracting(ScopeCheck::evidence).containsOnly(Optional.empty());
    }
  }

  @Test
  void aStoreHashThatIsNotTheTokensIsOneFindingNotThirteenMissingScopes() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder().fault(new SandboxFault.UnknownAccount()).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.problems()).extracting(Problem::code).containsExactly("credentials_mismatch");
      assertThat(report.problems().get(0).message())
          .startsWith("The store hash in the API Path and the access token do not belong together");
      assertThat(report.scopes()).hasSize(13).noneMatch(scope -> scope.status() == ScopeCheck.Status.MISSING)
          .allSatisfy(scope -> assertThat(scope.evidence().orElseThrow().status().getAsInt()).isEqualTo(403));
      assertThat(report.phases()).extracting(PhaseCheck::status).containsExactly(PhaseCheck.Outcome.PASSED,
          PhaseCheck.Outcome.FAILED, PhaseCheck.Outcome.SKIPPED, PhaseCheck.Outcome.SKIPPED);
    }
  }

  @Test
  void exactlyTheScopesNotGrantedAreMissingEachWithTheSettingToChange() {
    List<String> granted = THIRTEEN_SCOPES.stream().filter(s -> !s.equals("Orders") && !s.equals("Products")).toList();
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder().grant(granted).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.MISSING)
          .extracting(ScopeCheck::name).containsExactly("Orders", "Products");
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.GRANTED).hasSize(11);
      assertThat(report.scopes().get(4).remediation()).isEqualTo("In BigCommerce: Settings → API Accounts → your API"
          + " account → OAuth Scopes → Orders: Read-only, then Save. (guide step 6: Set the OAuth scopes)");
      assertThat(report.phases().get(3).message()).isEqualTo("2 of 13 scopes missing: Orders, Products");
      assertThat(report.problems()).isEmpty();
    }
  }

  @Test
  void notFoundForAnOrderOrCheckoutThatDoesNotExistProvesTheScope() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.defaults())) {
      VerificationReport report = store.verify();

      assertThat(report.scopes()).filteredOn(scope -> scope.evidence().orElseThrow().status().getAsInt() == 404)
          .extracting(ScopeCheck::name, ScopeCheck::status)
          .containsExactly(tuple("Order Transactions", ScopeCheck.Status.GRANTED),
              tuple("Get Payment Methods", ScopeCheck.Status.GRANTED), tuple("Checkouts", ScopeCheck.Status.GRANTED));
    }
  }

  @Test
  void withoutInformationAndSettingsTheStoreIsUnnamedButEveryOtherScopeIsChecked() {
    List<String> granted = THIRTEEN_SCOPES.stream().filter(s -> !s.equals("Information & Settings")).toList();
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder().grant(granted).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.account().display()).isEmpty();
      assertThat(report.account().values()).containsExactly(Map.entry("default_channel_id", "1"));
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("identity_unavailable");
        assertThat(problem.message()).endsWith("it needs the scope Information & Settings (Read-only).");
        assertThat(problem.remediation()).contains("OAuth Scopes → Information & Settings: Read-only");
      });
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.MISSING)
          .extracting(ScopeCheck::name).containsExactly("Information & Settings");
      assertThat(report.scopes().get(11)).satisfies(listings -> {
        assertThat(listings.status()).isEqualTo(ScopeCheck.Status.GRANTED);
        assertThat(listings.evidence().orElseThrow().path()).endsWith("/v3/channels/1/listings?limit=1");
      });
    }
  }

  @Test
  void aFewServerErrorsAreRiddenOutWithRetries() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder()
        .fault(new SandboxFault.ServerError(502, 1, Set.of()))
        .fault(new SandboxFault.ServerError(503, 1, Set.of("Orders"))).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.scopes().get(4).evidence().orElseThrow().attempts()).isEqualTo(3);
      assertThat(report.scopes().get(0).evidence().orElseThrow().attempts()).isEqualTo(2);
    }
  }

  @Test
  void serverErrorsThatLastAreRetriedABoundedNumberOfTimesThenInconclusive() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder()
        .fault(new SandboxFault.ServerError(503, Integer.MAX_VALUE, Set.of("Orders"))).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.scopes().get(4)).satisfies(orders -> {
        assertThat(orders.status()).isEqualTo(ScopeCheck.Status.INCONCLUSIVE);
        assertThat(orders.evidence().orElseThrow().status().getAsInt()).isEqualTo(503);
        assertThat(orders.evidence().orElseThrow().attempts()).isEqualTo(3);
      });
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.GRANTED).hasSize(12);
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("server_error");
        assertThat(problem.message()).endsWith("Not checked because of it: Orders.");
      });
      assertThat(store.exchanges()).filteredOn(exchange -> exchange.path().contains("/v2/orders/count")).hasSize(3);
    }
  }

  @Test
  void connectionsResetByTheStoreAreRetriedThenInconclusive() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder()
        .fault(new SandboxFault.ConnectionReset(1, Set.of("Customers")))
        .fault(new SandboxFault.ConnectionReset(Integer.MAX_VALUE, Set.of("Store Inventory"))).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.scopes().get(1).status()).isEqualTo(ScopeCheck.Status.GRANTED);
      assertThat(report.scopes().get(12)).satisfies(inventory -> {
        assertThat(inventory.status()).isEqualTo(ScopeCheck.Status.INCONCLUSIVE);
        assertThat(inventory.evidence().orElseThrow().attempts()).isEqualTo(3);
        assertThat(inventory.evidence().orElseThrow().status()).isEmpty();
      });
      assertThat(report.problems()).extracting(Problem::code).containsExactly("connection_dropped");
    }
  }

  @Test
  void anUnreachableStoreNamesTheHostAndStillListsEveryScope() {
    BigCommerceSandboxFixture store = start(SandboxOptions.defaults());
    try (store) {
      store.sandbox().close();
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("unreachable");
        assertThat(problem.message()).isEqualTo("Could not reach BigCommerce: connection refused by "
            + store.sandbox().extraHost() + " (nothing listens there).");
        assertThat(problem.remediation()).startsWith("Check the API Path you gave");
      });
      assertThat(report.scopes()).hasSize(13);
    }
  }

  @Test
  void slowScopesAreInconclusiveAtTheDeadlineAndTheOthersDecided() {
    try (BigCommerceSandboxFixture store = start(SandboxOptions.builder()
        .fault(new SandboxFault.Delay(Duration.ofSeconds(30), Set.of("Checkouts"))).build())) {
      VerificationReport report = store.verify(store.options().timeout(Duration.ofSeconds(4)).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.scopes().get(8).status()).isEqualTo(ScopeCheck.Status.INCONCLUSIVE);
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.GRANTED).hasSize(12);
      assertThat(report.problems()).extracting(Problem::code).containsExactly("timeout");
    }
  }

  private BigCommerceSandboxFixture start(SandboxOptions options) {
    return BigCommerceSandboxFixture.start(plugins, options);
  }
}
