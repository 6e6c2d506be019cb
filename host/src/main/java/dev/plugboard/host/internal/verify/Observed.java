package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ExcessCall;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.HttpOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one verification's calls brought back, before any judgement.
 *
 * @param platform how the platform check ended, when the descriptor has one
 * @param credentials how the credentials check ended
 * @param identity how the identity call ended
 * @param account the account as far as known: from the answers, else the defaults
 * @param identityRead whether the identity answer could be read as a JSON object
 * @param identityNamed how many of the identity's declared values the answer itself gave
 * @param probes each scope's probe, in declared order; empty when the scopes were not probed one by one
 * @param listing how the scope listing call ended, when it was sent
 * @param excess how each excess call ended, for those sent
 */
record Observed(
    Optional<HttpOutcome> platform,
    HttpOutcome credentials,
    HttpOutcome identity,
    Account account,
    boolean identityRead,
    int identityNamed,
    Map<Scope, Probed> probes,
    Optional<HttpOutcome> listing,
    Map<ExcessCall, HttpOutcome> excess) {

  Observed {
    probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
    excess = Collections.unmodifiableMap(new LinkedHashMap<>(excess));
  }

  /** Whether the scopes were asked about at all: probed, or listed. */
  boolean scopesAsked() {
    return !probes.isEmpty() || listing.isPresent();
  }

  /** A scope's probe: sent, with how it ended, or not sent because its path could not be filled in. */
  sealed interface Probed {
    record Sent(HttpOutcome outcome) implements Probed {}

    record NotSent(String reason, Evidence evidence) implements Probed {}
  }
}
