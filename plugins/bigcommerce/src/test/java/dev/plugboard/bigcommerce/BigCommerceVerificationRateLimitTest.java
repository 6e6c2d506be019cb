package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BigCommerce's rate limit (X-Rate-Limit-* headers, as declared in the descriptor), met in the sandbox. */
final class BigCommerceVerificationRateLimitTest {

  @TempDir Path plugins;

  @Test
  void underATightQuotaTheCallsPaceThemselvesAndNeverRunIntoTheLimit() {
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins,
        SandboxOptions.builder().quota(5, Duration.ofMillis(250)).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.GRANTED);
      assertThat(store.exchanges()).hasSize(14).noneMatch(exchange -> exchange.status() == 429);
    }
  }

  @Test
  void aQuotaThatResetsOnlyAfterTheDeadlineLeavesTheScopesInconclusiveWithoutHammeringTheStore() {
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins,
        SandboxOptions.builder().quota(2, Duration.ofMinutes(5)).build())) {
      VerificationReport report = store.verify(store.options().timeout(Duration.ofSeconds(2)).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.account().display()).isEqualTo("Acceptance Outfitters (acceptance-outfitters.example)");
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.INCONCLUSIVE).hasSize(12);
      assertThat(report.scopes().get(2).status()).as("Information & Settings, proven by the identity call")
          .isEqualTo(ScopeCheck.Status.GRANTED);
      assertThat(report.problems()).extracting(Problem::code).containsExactly("rate_limited");
      assertThat(store.exchanges()).as("nothing sent once the quota was known to be spent").hasSize(2);
    }
  }
}
