package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.ApiSession;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.verify.Observed.Probed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes one verification's calls: the credentials check and the identity call together, then,
 * unless the credentials were rejected or the host cannot be reached, every scope's probe at
 * once (a probe may need a value the identity call names). About two round trips in all.
 */
final class VerificationRun {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final ApiSession session;
  private final Calls calls;

  VerificationRun(ConnectorDescriptor descriptor, Rendering rendering, ApiSession session, Calls calls) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.session = session;
    this.calls = calls;
  }

  Observed observe() {
    IdentityReader reader = new IdentityReader(descriptor.identity(), rendering);
    Account defaults = reader.fromDefaults();
    Calls.Pending credentialsCall = calls.submit(descriptor.credentials().method(),
        session.url(rendering.path(descriptor.credentials().path(), defaults)), false);
    Calls.Pending identityCall = calls.submit(descriptor.identity().method(),
        session.url(rendering.path(descriptor.identity().path(), defaults)), true);
    HttpOutcome credentials = credentialsCall.await();
    HttpOutcome identity = identityCall.await();

    Account account = defaults;
    boolean identityRead = false;
    if (identity instanceof HttpOutcome.Answered answered && answered.status() / 100 == 2) {
      Optional<Account> read = reader.read(answered.body());
      identityRead = read.isPresent();
      account = read.orElse(defaults);
    }
    Map<Scope, Probed> probes = new LinkedHashMap<>();
    if (!stopsHere(credentials) && !stopsHere(identity)) {
      probes = probe(account);
    }
    return new Observed(credentials, identity, account, identityRead, probes);
  }

  /** Rejected credentials, or a host that cannot be reached or may not be sent to: no probe would tell more. */
  private boolean stopsHere(HttpOutcome outcome) {
    return outcome instanceof HttpOutcome.Unreachable
        || outcome instanceof HttpOutcome.Refused
        || (outcome instanceof HttpOutcome.Answered answered
            && descriptor.http().rejectedStatuses().contains(answered.status()));
  }

  private Map<Scope, Probed> probe(Account account) {
    Map<Scope, Supplier<Probed>> started = new LinkedHashMap<>();
    for (Scope scope : descriptor.scopes()) {
      try {
        Calls.Pending call = calls.submit(scope.probe().method(),
            session.url(rendering.path(scope.probe().path(), account)), false);
        started.put(scope, () -> new Probed.Sent(call.await()));
      } catch (Rendering.MissingValue e) {
        Evidence evidence = new Evidence(scope.probe().method(), ApiSession.hostOf(session.url("")),
            scope.probe().path(), null, 0, 0, e.getMessage());
        started.put(scope, () -> new Probed.NotSent(e.getMessage(), evidence));
      }
    }
    Map<Scope, Probed> probes = new LinkedHashMap<>();
    started.forEach((scope, result) -> probes.put(scope, result.get()));
    return probes;
  }
}
