package dev.plugboard.woocommerce.sandbox;

import dev.plugboard.api.sandbox.SandboxFault;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults the sandbox was told to play, and how many times each has been played per path. */
final class FaultPlan {

  private final List<Planned> faults;
  private final Map<String, AtomicInteger> played = new ConcurrentHashMap<>();

  FaultPlan(List<SandboxFault> faults) {
    this.faults = faults.stream().map(fault -> new Planned(fault, scopes(fault.scopes()))).toList();
  }

  boolean rejectsTokens() {
    return faults.stream().anyMatch(planned -> planned.fault() instanceof SandboxFault.RejectToken);
  }

  boolean unknownAccount() {
    return faults.stream().anyMatch(planned -> planned.fault() instanceof SandboxFault.UnknownAccount);
  }

  /** The extra time before answering on this path. */
  Duration delay(Optional<Resource> resource) {
    return faults.stream()
        .filter(planned -> planned.fault() instanceof SandboxFault.Delay && planned.appliesTo(resource))
        .map(planned -> ((SandboxFault.Delay) planned.fault()).delay())
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** Whether to drop this request's connection, counting it if so. */
  boolean resetsConnection(String path, Optional<Resource> resource) {
    for (int i = 0; i < faults.size(); i++) {
      Planned planned = faults.get(i);
      if (planned.fault() instanceof SandboxFault.ConnectionReset reset && planned.appliesTo(resource)
          && play(i, path, reset.times())) {
        return true;
      }
    }
    return false;
  }

  /** The server error to answer this request with, counting it, if one is due. */
  OptionalInt serverError(String path, Optional<Resource> resource) {
    for (int i = 0; i < faults.size(); i++) {
      Planned planned = faults.get(i);
      if (planned.fault() instanceof SandboxFault.ServerError error && planned.appliesTo(resource)
          && play(i, path, error.times())) {
        return OptionalInt.of(error.status());
      }
    }
    return OptionalInt.empty();
  }

  private boolean play(int fault, String path, int times) {
    AtomicInteger count = played.computeIfAbsent(fault + " " + path, key -> new AtomicInteger());
    return count.getAndUpdate(n -> n < times ? n + 1 : n) < times;
  }

  private static Set<Resource> scopes(Set<String> names) {
    Set<Resource> resources = EnumSet.noneOf(Resource.class);
    names.forEach(name -> resources.add(Resource.find(name)));
    return resources;
  }

  /** A fault and the resources (the scopes it names) it is limited to; none means every path. */
  private record Planned(SandboxFault fault, Set<Resource> scopes) {
    boolean appliesTo(Optional<Resource> resource) {
      return scopes.isEmpty() || resource.filter(scopes::contains).isPresent();
    }
  }
}
