package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.HttpOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one verification's calls brought back, before any judgement.
 *
 * @param credentials how the credentials check ended
 * @param identity how the identity call ended
 * @param account the account as far as known: from the identity answer, else the defaults
 * @param identityRead whether the identity answer could be read
 * @param probes each scope's probe, in declared order; empty when the scopes were not probed
 */
record Observed(
    HttpOutcome credentials, HttpOutcome identity, Account account, boolean identityRead, Map<Scope, Probed> probes) {

  Observed {
    probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
  }

  /** A scope's probe: sent, with how it ended, or not sent because its path could not be filled in. */
  sealed interface Probed {
    record Sent(HttpOutcome outcome) implements Probed {}

    record NotSent(String reason, Evidence evidence) implements Probed {}
  }
}
