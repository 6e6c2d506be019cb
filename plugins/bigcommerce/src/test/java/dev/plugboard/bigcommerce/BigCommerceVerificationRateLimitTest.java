package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BigCommerce's rate limit (X-Rate-Limit-* headers, as declared in the descriptor), met in the sandbox. */
final class BigCommerceVerificationRateLimitTest {

  @TempDir Path plugins;

  @Test
  void underATightQuotaOnlyTheFirstWaveRunsIntoTheLimitAndTheRestIsPacedToEveryScopeGranted() {
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins,
        SandboxOptions.builder().quota(5, Duration.ofMillis(250)).build())) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.GRANTED);
      List<SandboxInstance.Exchange> limited = store.exchanges().stream().filter(exchange -> exchange.status() == 429)
          .toList();
      assertThat(limited).as("the 14 calls go out together; the quota lets 5 through, and the answers tell it")
          .hasSizeLessThanOrEqualTo(14 - 5);
      assertThat(limited).as("a call limited once is paced, not limited again").extracting(SandboxInstance.Exchange::path)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void aQuotaThatResetsOnlyAfterTheDeadlineLeavesTheScopesInconclusiveWithoutHammeringTheStore() {
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins,
        SandboxOptions.builder().quota(2, Duration.ofMinutes(5)).build())) {
      VerificationReport report = store.verify(store.options().timeout(Duration.ofSeconds(2)).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.INCONCLUSIVE)
          .as("the quota lets 2 of the 14 calls through").hasSizeGreaterThanOrEqualTo(13 - 2);
      assertThat(report.problems()).extracting(Problem::code).contains("rate_limited");
      assertThat(store.exchanges()).as("nothing sent again once the quota was known to be spent")
          .extracting(SandboxInstance.Exchange::path).doesNotHaveDuplicates();
    }
  }
}
