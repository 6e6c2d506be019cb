package dev.plugboard.host.internal.verify;

import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.http.RetryPolicy;
import dev.plugboard.host.internal.settings.HostSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one verification runs.
 *
 * <pre>{@code
 * VerifyOptions options = VerifyOptions.builder()
 *     .timeout(Duration.ofSeconds(10))
 *     .allowHost(new ExtraHost("127.0.0.1", sandboxPort))   // this run only
 *     .build();
 * }</pre>
 *
 * @param timeout the deadline for the whole verification; 30 s by default
 * @param parallelism how many calls may run at once; 0 (the default) for no limit but the
 *     platform's reported quota
 * @param retry retries after server errors and dropped connections
 * @param extraHosts hosts allowed for this run only, on top of the host's settings (a sandbox)
 * @param clock the clock the report's time comes from
 * @param oneWave true (the default) for every call that needs no other's answer to go out at
 *     once; false for the design before it, where the probes wait for the credentials check and
 *     the identity call to answer (kept for the benchmark that compares them)
 */
public record VerifyOptions(
    Duration timeout, int parallelism, RetryPolicy retry, List<ExtraHost> extraHosts, Clock clock, boolean oneWave) {

  public static final Duration DEFAULT_TIMEOUT = HostSettings.DEFAULT_VERIFICATION_TIMEOUT;

  public VerifyOptions {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must be 0 (no limit) or more: " + parallelism);
    }
    Objects.requireNonNull(retry, "retry == null");
    extraHosts = List.copyOf(extraHosts);
    Objects.requireNonNull(clock, "clock == null");
  }

  public static VerifyOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder builder = builder().timeout(timeout).parallelism(parallelism).retry(retry).clock(clock).oneWave(oneWave);
    extraHosts.forEach(builder::allowHost);
    return builder;
  }

  /** Settings for {@link VerifyOptions}; each has a default. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private int parallelism;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private final List<ExtraHost> extraHosts = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private boolean oneWave = true;

    private Builder() {}

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    public Builder allowHost(ExtraHost host) {
      extraHosts.add(Objects.requireNonNull(host, "host == null"));
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder oneWave(boolean oneWave) {
      this.oneWave = oneWave;
      return this;
    }

    public VerifyOptions build() {
      return new VerifyOptions(timeout, parallelism, retry, extraHosts, clock, oneWave);
    }
  }
}
