package dev.plugboard.api.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.sandbox.SandboxFault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class FaultPlanTest {

  private static final Optional<String> ORDERS = Optional.of("ORDERS");

  @Test
  void aFaultOnAScopeNamedInAnyCaseAppliesToThatScopesPathsOnly() {
    FaultPlan plan = plan(new SandboxFault.ServerError(502, 5, Set.of("oRdErS")));

    assertThat(plan.serverError("/products", Optional.empty())).isEmpty();
    assertThat(plan.serverError("/orders", ORDERS)).isEqualTo(OptionalInt.of(502));
  }

  @Test
  void eachPathCountsItsOwnTimes() {
    FaultPlan plan = plan(new SandboxFault.ServerError(503, 1, Set.of()));

    assertThat(plan.serverError("/a", Optional.empty())).isPresent();
    assertThat(plan.serverError("/a", Optional.empty())).isEmpty();
    assertThat(plan.serverError("/b", Optional.empty())).isPresent();
  }

  @Test
  void alwaysStaysAlwaysPastIntegerMaxValueCounts() {
    FaultPlan plan = plan(new SandboxFault.ConnectionReset(Integer.MAX_VALUE, Set.of()));
    for (int i = 0; i < 1_000; i++) {
      assertThat(plan.resetsConnection("/a", Optional.empty())).isTrue();
    }
  }

  @Test
  void delaysOnTheSamePathAddUpAndTheFlagsAreTold() {
    FaultPlan plan = plan(new SandboxFault.Delay(Duration.ofMillis(100), Set.of("Orders")),
        new SandboxFault.Delay(Duration.ofMillis(50), Set.of()), new SandboxFault.RejectToken());

    assertThat(plan.delay(ORDERS)).isEqualTo(Duration.ofMillis(150));
    assertThat(plan.delay(Optional.empty())).isEqualTo(Duration.ofMillis(50));
    assertThat(plan.rejectsTokens()).isTrue();
    assertThat(plan.unknownAccount()).isFalse();
  }

  @Test
  void anUnknownScopeIsRefusedWithThePlatformsWords() {
    assertThatThrownBy(() -> plan(new SandboxFault.Delay(Duration.ZERO, Set.of("Ordres"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Shop has no scope Ordres; the scopes are Orders");
  }

  private static FaultPlan plan(SandboxFault... faults) {
    return new FaultPlan(List.of(faults), SandboxServerTest::scopeKey);
  }
}
