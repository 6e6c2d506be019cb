package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));

  @Test
  void eachWaitIsBetweenHalfAndAllOfTheDoubledBaseAndNeverAboveTheCap() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoffNanos(1)).isBetween(millis(50), millis(100));
      assertThat(policy.backoffNanos(2)).isBetween(millis(100), millis(200));
      assertThat(policy.backoffNanos(3)).isBetween(millis(175), millis(350));
      assertThat(policy.backoffNanos(40)).isBetween(millis(175), millis(350));
    }
  }

  @Test
  void waitsAreJitteredSoThatProbesFailingTogetherDoNotComeBackTogether() {
    Set<Long> waits = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      waits.add(policy.backoffNanos(1));
    }
    assertThat(waits).hasSizeGreaterThan(1);
  }

  @Test
  void aCapBelowTheBaseIsRefusedWithBothValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .withMessage("backoff must satisfy 0 <= backoffBase <= backoffMax: PT2S, PT1S");
  }

  private static long millis(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
