package dev.plugboard.api.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions.Quota;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RateWindowTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aWindowAnswersItsQuotaThenRefusesUntilTheNextWindowStarts() {
    RateWindow window = new RateWindow(new Quota(2, Duration.ofSeconds(10)), 0);

    assertThat(window.admit(0)).isEqualTo(new RateWindow.Admission(true, 1, 10 * SECOND));
    assertThat(window.admit(SECOND)).isEqualTo(new RateWindow.Admission(true, 0, 9 * SECOND));
    RateWindow.Admission refused = window.admit(9 * SECOND + 1);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.resetMillis()).isEqualTo(1_000);
    assertThat(refused.resetSeconds()).isEqualTo(1);
    assertThat(window.admit(10 * SECOND).allowed()).isTrue();
  }

  @Test
  void theTimeLeftIsRoundedUpAndNeverZero() {
    RateWindow.Admission almost = new RateWindow.Admission(false, 0, 1);

    assertThat(almost.resetMillis()).isEqualTo(1);
    assertThat(almost.resetSeconds()).isEqualTo(1);
    assertThat(new RateWindow.Admission(false, 0, 1_500_000_000L).resetSeconds()).isEqualTo(2);
  }
}
