package dev.plugboard.api.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a sandbox behaves: which scopes its token holds, how slow it is, its rate limit and the
 * faults it plays.
 *
 * <pre>{@code
 * SandboxOptions options = SandboxOptions.builder()
 *     .grant("Orders", "store_v2_products_read_only")   // by name or by id; every scope unless stated
 *     .latency(Duration.ofMillis(50))
 *     .quota(5, Duration.ofSeconds(1))
 *     .fault(new SandboxFault.ServerError(503, 2, Set.of("Orders")))
 *     .build();
 * }</pre>
 *
 * @param grantedScopes the scopes the token holds, by the connector's scope names or ids, or
 *     {@link #ALL_SCOPES} for every one
 * @param latency how long every answer takes
 * @param quota the rate limit, reported on every answer and enforced with 429; empty for the one the
 *     platform usually sets, which only its sandbox knows ({@link #quotaOr(Quota)})
 * @param faults failures to play
 */
public record SandboxOptions(Set<String> grantedScopes, Duration latency, Optional<Quota> quota, List<SandboxFault> faults) {

  /** The wildcard granting every scope. */
  public static final String ALL = "*";

  /** Every scope granted. */
  public static final Set<String> ALL_SCOPES = Set.of(ALL);

  public SandboxOptions {
    grantedScopes = Set.copyOf(Objects.requireNonNull(grantedScopes, "grantedScopes == null"));
    Objects.requireNonNull(latency, "latency == null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    Objects.requireNonNull(quota, "quota == null: use Optional.empty() for the platform's usual one");
    faults = List.copyOf(faults);
  }

  /** Every scope granted, no latency, the platform's usual quota, no faults. */
  public static SandboxOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rate limit to play: the one asked for, else {@code platformQuota}, the one the platform
   * usually sets (a sandbox says what that is; Plugboard knows no platform's plans).
   */
  public Quota quotaOr(Quota platformQuota) {
    return quota.orElse(Objects.requireNonNull(platformQuota, "platformQuota == null"));
  }

  /** Whether the token holds every scope. */
  public boolean grantsAll() {
    return grantedScopes.contains(ALL);
  }

  /**
   * A rate limit: {@code requests} per {@code window}, counted over fixed windows.
   *
   * @param requests requests allowed per window
   * @param window the window's length
   */
  public record Quota(int requests, Duration window) {

    public Quota {
      if (requests < 1) {
        throw new IllegalArgumentException("requests must be 1 or more: " + requests);
      }
      Objects.requireNonNull(window, "window == null");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive: " + window);
      }
    }
  }

  /** Settings for {@link SandboxOptions}; each has a default. */
  public static final class Builder {
    private final Set<String> granted = new LinkedHashSet<>(ALL_SCOPES);
    private Duration latency = Duration.ZERO;
    private Optional<Quota> quota = Optional.empty();
    private final List<SandboxFault> faults = new ArrayList<>();

    private Builder() {}

    /** The token holds these scopes only (names or ids); none when called with nothing. */
    public Builder grant(String... scopes) {
      return grant(List.of(scopes));
    }

    /** The token holds these scopes only (names or ids), or every one for {@link #ALL}. */
    public Builder grant(Iterable<String> scopes) {
      granted.clear();
      scopes.forEach(scope -> granted.add(Objects.requireNonNull(scope, "scope == null").trim()));
      return this;
    }

    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    public Builder quota(int requests, Duration window) {
      this.quota = Optional.of(new Quota(requests, window));
      return this;
    }

    public Builder fault(SandboxFault fault) {
      faults.add(Objects.requireNonNull(fault, "fault == null"));
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(granted, latency, quota, faults);
    }
  }
}
