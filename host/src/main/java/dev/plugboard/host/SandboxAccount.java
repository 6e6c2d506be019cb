package dev.plugboard.host;

import dev.plugboard.api.sandbox.SandboxOptions;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The made-up account of a connector's sandbox that a connection was made with: kept with the
 * connection, so that verifying it again ({@link Plugboard#verifyConnection(String)}) starts the
 * sandbox again with the same account. A sandbox makes its credentials fresh at every start, so
 * that verification takes its values from the new sandbox, and records them in the connection.
 *
 * <p>Of the {@link SandboxOptions} the sandbox was started with, only the scopes its token held
 * are kept: they are the account's (its API account's grants), where latency, quota and faults are
 * how one run of the sandbox behaves.
 *
 * @param grantedScopes the scopes its token held, as they were asked for (names or ids), or
 *     {@link SandboxOptions#ALL_SCOPES} for every one the connector declares when it is verified
 */
public record SandboxAccount(Set<String> grantedScopes) {

  /** Every scope granted: what {@code --sandbox} alone starts. */
  public static final SandboxAccount ALL_SCOPES = new SandboxAccount(SandboxOptions.ALL_SCOPES);

  public SandboxAccount {
    Objects.requireNonNull(grantedScopes, "grantedScopes == null");
    grantedScopes.forEach(scope -> Objects.requireNonNull(scope, "a scope in grantedScopes is null"));
    grantedScopes = Collections.unmodifiableSet(new TreeSet<>(grantedScopes));
  }

  /** The account of a sandbox started with {@code options}. */
  public static SandboxAccount of(SandboxOptions options) {
    return new SandboxAccount(options.grantedScopes());
  }

  /** Whether its token held every scope. */
  public boolean grantsAll() {
    return grantedScopes.contains(SandboxOptions.ALL);
  }

  /** What to start the sandbox with again: these grants, and the defaults for the rest. */
  public SandboxOptions options() {
    return SandboxOptions.builder().grant(grantedScopes).build();
  }
}
