package dev.plugboard.api.sandbox.kit;

import dev.plugboard.api.sandbox.SandboxFault;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The faults a sandbox was told to play, and how many times each has been played per path.
 *
 * <p>A fault limited to scopes names them as a user does (a scope's name or its id); the plan
 * keeps each as the platform's key for it, and a request is on a scope's paths when the
 * platform gives that key for it.
 */
public final class FaultPlan {

  private final List<Planned> planned;
  private final Map<String, AtomicInteger> played = new ConcurrentHashMap<>();

  /**
   * @param faults the faults to play
   * @param scopeKey the platform's key for a scope named by its name or id; throws
   *     {@link IllegalArgumentException} (with a message naming the scopes there are) for a name it
   *     does not know
   */
  public FaultPlan(List<SandboxFault> faults, UnaryOperator<String> scopeKey) {
    this.planned = faults.stream().map(fault -> new Planned(fault, keys(fault.scopes(), scopeKey))).toList();
  }

  /** Whether every token is to be refused. */
  public boolean rejectsTokens() {
    return planned.stream().anyMatch(p -> p.fault() instanceof SandboxFault.RejectToken);
  }

  /** Whether the values offered are to name an account the platform does not know. */
  public boolean unknownAccount() {
    return planned.stream().anyMatch(p -> p.fault() instanceof SandboxFault.UnknownAccount);
  }

  /** The extra time before answering a request on {@code scope}'s paths. */
  public Duration delay(Optional<String> scope) {
    return planned.stream()
        .filter(p -> p.fault() instanceof SandboxFault.Delay && p.appliesTo(scope))
        .map(p -> ((SandboxFault.Delay) p.fault()).delay())
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** Whether this request to {@code path} is to lose its connection; counts it when so. */
  public boolean resetsConnection(String path, Optional<String> scope) {
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      if (p.fault() instanceof SandboxFault.ConnectionReset reset && p.appliesTo(scope) && play(i, path, reset.times())) {
        return true;
      }
    }
    return false;
  }

  /** The server error this request to {@code path} is to get, if any; counts it when so. */
  public OptionalInt serverError(String path, Optional<String> scope) {
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      if (p.fault() instanceof SandboxFault.ServerError error && p.appliesTo(scope) && play(i, path, error.times())) {
        return OptionalInt.of(error.status());
      }
    }
    return OptionalInt.empty();
  }

  private boolean play(int fault, String path, int times) {
    AtomicInteger count = played.computeIfAbsent(fault + " " + path, key -> new AtomicInteger());
    return count.getAndUpdate(n -> n < times ? n + 1 : n) < times; // never past times: "always" is Integer.MAX_VALUE
  }

  private static Set<String> keys(Set<String> names, UnaryOperator<String> scopeKey) {
    Set<String> keys = new HashSet<>();
    names.forEach(name -> keys.add(scopeKey.apply(name)));
    return Set.copyOf(keys);
  }

  /** A fault and the scope keys it is limited to; none means every path. */
  private record Planned(SandboxFault fault, Set<String> scopes) {
    boolean appliesTo(Optional<String> scope) {
      return scopes.isEmpty() || scope.filter(scopes::contains).isPresent();
    }
  }
}
