package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Call;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.ExcessCall;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.ApiSession;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.verify.Observed.Probed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes one verification's calls: the platform check, the credentials check and the identity call
 * together, then, unless the credentials were rejected or the host cannot be reached, every
 * scope's probe (or the one listing call) and the excess checks at once (a probe may need a value
 * the identity call names). About two round trips in all.
 */
final class VerificationRun {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final ApiSession session;
  private final Calls calls;
  private final Classifier classifier;
  private final Progress progress;
  private final Supplier<Verdict> verdicts;

  /**
   * @param progress where each answer's provisional result goes as it arrives
   * @param verdicts a new verdict for each provisional judgement (the events run on the calls' threads)
   */
  VerificationRun(ConnectorDescriptor descriptor, Rendering rendering, ApiSession session, Calls calls,
      Progress progress, Supplier<Verdict> verdicts) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.session = session;
    this.calls = calls;
    this.classifier = new Classifier(descriptor);
    this.progress = progress;
    this.verdicts = verdicts;
  }

  Observed observe() {
    IdentityReader reader = new IdentityReader(descriptor, rendering);
    Account defaults = reader.fromDefaults();
    // The platform check goes first and alone: no credential goes to an address before it has
    // proven to be the platform.
    Optional<HttpOutcome> platform = Optional.ofNullable(descriptor.platformCheck())
        .map(check -> submit(check.call(), defaults, !check.values().isEmpty()).await());
    if (platform.map(this::platformStops).orElse(false)) {
      HttpOutcome skipped = notSent(descriptor.credentials().call(), defaults);
      HttpOutcome identity = notSent(descriptor.identity().call(), defaults);
      return new Observed(platform, skipped, identity, reader.read(platform, identity).account(), false, 0,
          Map.of(), Optional.empty(), Map.of());
    }
    Calls.Pending credentialsCall = submit(descriptor.credentials().call(), defaults, false);
    Calls.Pending identityCall = submit(descriptor.identity().call(), defaults, true);
    HttpOutcome credentials = credentialsCall.await();
    HttpOutcome identity = identityCall.await();

    IdentityReader.Read read = reader.read(platform, identity);
    verdicts.get().provisionalPhases(new Observed(platform, credentials, identity, read.account(), read.identityRead(),
        read.named(), Map.of(), Optional.empty(), Map.of())).forEach(progress::phase);
    Map<Scope, Probed> probes = new LinkedHashMap<>();
    Optional<HttpOutcome> listing = Optional.empty();
    Map<ExcessCall, HttpOutcome> excess = new LinkedHashMap<>();
    boolean stop = stopsHere(descriptor.credentials().call(), credentials)
        || stopsHere(descriptor.identity().call(), identity);
    if (!stop) {
      Map<ExcessCall, Calls.Pending> excessCalls = new LinkedHashMap<>();
      if (descriptor.excess() != null) {
        descriptor.excess().calls().forEach(call -> excessCalls.put(call, submit(call.call(), read.account(), true)));
      }
      if (descriptor.scopeListing() != null) {
        listing = Optional.of(submit(descriptor.scopeListing().call(), read.account(), true).await());
        verdicts.get().provisionalJudge().provisional(listing.get(), read.account()).forEach(progress::scope);
      } else {
        probes = probe(read.account());
      }
      excessCalls.forEach((call, pending) -> excess.put(call, pending.await()));
    }
    return new Observed(platform, credentials, identity, read.account(), read.identityRead(), read.named(), probes, listing, excess);
  }

  private Calls.Pending submit(Call call, Account account, boolean readBody) {
    return calls.submit(call.method(), session.url(rendering.path(call.path(), account)), call.authenticated(),
        readBody || classifier.readsBody(call));
  }

  /** A call not sent because the platform check did not prove the platform. */
  private HttpOutcome notSent(Call call, Account account) {
    String reason = "not sent: the address did not prove to be " + descriptor.name() + "'s";
    String path = ApiSession.pathOf(session.url(rendering.path(call.path(), account)));
    return new HttpOutcome.NotSent(reason, new Evidence(call.method(), ApiSession.hostOf(session.url("")), path, null, 0,
        0, reason));
  }

  /** A platform check that did not prove the platform: nothing else is worth asking. */
  private boolean platformStops(HttpOutcome outcome) {
    return outcome instanceof HttpOutcome.Answered answered
        ? classifier.platformRejection(answered).isPresent()
        : unreachable(outcome);
  }

  /** Rejected credentials, or a host that cannot be reached or may not be sent to: no probe would tell more. */
  private boolean stopsHere(Call call, HttpOutcome outcome) {
    return unreachable(outcome)
        || (outcome instanceof HttpOutcome.Answered answered
            && classifier.classify(call, List.of(), List.of(), answered) instanceof Meaning.Rejected);
  }

  private static boolean unreachable(HttpOutcome outcome) {
    return outcome instanceof HttpOutcome.Unreachable || outcome instanceof HttpOutcome.Refused;
  }

  private Map<Scope, Probed> probe(Account account) {
    Map<Scope, Supplier<Probed>> started = new LinkedHashMap<>();
    for (Scope scope : descriptor.scopes()) {
      try {
        Calls.Pending call = submit(scope.probe().call(), account, false);
        call.whenDone(outcome -> progress.scope(
            verdicts.get().provisionalJudge().provisional(scope, new Probed.Sent(outcome), account)));
        started.put(scope, () -> new Probed.Sent(call.await()));
      } catch (Rendering.MissingValue e) {
        Evidence evidence = new Evidence(scope.probe().method(), ApiSession.hostOf(session.url("")),
            scope.probe().path(), null, 0, 0, e.getMessage());
        Probed notSent = new Probed.NotSent(e.getMessage(), evidence);
        progress.scope(verdicts.get().provisionalJudge().provisional(scope, notSent, account));
        started.put(scope, () -> notSent);
      }
    }
    Map<Scope, Probed> probes = new LinkedHashMap<>();
    started.forEach((scope, result) -> probes.put(scope, result.get()));
    return probes;
  }
}
