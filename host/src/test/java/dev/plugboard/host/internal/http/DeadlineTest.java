package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class DeadlineTest {

  @Test
  void aLimitTooLongForNanosecondsIsAsGoodAsNoLimit() {
    Deadline deadline = Deadline.in(Duration.ofDays(365L * 1000));

    assertThat(deadline.passed()).isFalse();
    assertThat(deadline.allows(Duration.ofDays(365).toNanos())).isTrue();
  }
}
