package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Call;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Excess;
import dev.plugboard.api.descriptor.ExcessCall;
import dev.plugboard.api.descriptor.Probe;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.api.descriptor.ScopeListing;
import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.ApiSession;
import dev.plugboard.host.internal.http.HttpOutcome;
import dev.plugboard.host.internal.verify.Observed.Probed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Makes one verification's calls in one wave: the platform check first and alone (no credential
 * goes to an address before it has proven to be the platform), then every other call at once,
 * the credentials check, the identity call, every scope's probe (or the one listing call) and the
 * excess checks, a path naming a value only the identity answer gives filled in with the
 * descriptor's default. When the identity answer changes such a path, that call is sent again with
 * it. A rejected credential or a host that cannot be reached ends the run: what is still in flight
 * is cancelled and its answers ignored. About one round trip in all.
 */
final class VerificationRun {

  private final ConnectorDescriptor descriptor;
  private final Rendering rendering;
  private final ApiSession session;
  private final Calls calls;
  private final Classifier classifier;
  private final Progress progress;
  private final Supplier<Verdict> verdicts;
  private final boolean oneWave;

  /**
   * @param progress where each answer's provisional result goes as it arrives
   * @param verdicts a new verdict for each provisional judgement (the events run on the calls' threads)
   */
  VerificationRun(ConnectorDescriptor descriptor, Rendering rendering, ApiSession session, Calls calls,
      Progress progress, Supplier<Verdict> verdicts, boolean oneWave) {
    this.descriptor = descriptor;
    this.rendering = rendering;
    this.session = session;
    this.calls = calls;
    this.classifier = new Classifier(descriptor);
    this.progress = progress;
    this.verdicts = verdicts;
    this.oneWave = oneWave;
  }

  Observed observe() {
    IdentityReader reader = new IdentityReader(descriptor, rendering);
    Account defaults = reader.fromDefaults();
    // The platform check goes first and alone: no credential goes to an address before it has
    // proven to be the platform.
    Optional<HttpOutcome> platform = descriptor.platformCheck()
        .map(check -> submit(check.call(), defaults, !check.values().isEmpty()).await());
    if (platform.map(this::platformStops).orElse(false)) {
      HttpOutcome skipped = notSent(descriptor.credentials().call(), defaults);
      HttpOutcome identity = notSent(descriptor.identity().call(), defaults);
      return new Observed(platform, skipped, identity, reader.read(platform, identity).account(), false, 0,
          Map.of(), Optional.empty(), Map.of());
    }
    Calls.Pending credentialsCall = submit(descriptor.credentials().call(), defaults, false);
    Calls.Pending identityCall = submit(descriptor.identity().call(), defaults, true);
    if (oneWave) {
      // Every other read at once too, with the defaults for the values only the identity answer
      // gives. A call of another method (declared free of side effects) waits until the
      // credentials have been accepted: nothing but a read goes with credentials not yet proven.
      scopeAndExcessCalls(defaults, true);
    }
    HttpOutcome credentials = credentialsCall.await();
    HttpOutcome identity = identityCall.await();

    IdentityReader.Read read = reader.read(platform, identity);
    verdicts.get().provisionalPhases(new Observed(platform, credentials, identity, read.account(), read.identityRead(),
        read.named(), Map.of(), Optional.empty(), Map.of())).forEach(progress::phase);
    if (stopsHere(descriptor.credentials().call(), credentials) || stopsHere(descriptor.identity().call(), identity)) {
      // What is still in flight is cancelled when the calls close; its answers would tell nothing more.
      return new Observed(platform, credentials, identity, read.account(), read.identityRead(), read.named(), Map.of(),
          Optional.empty(), Map.of());
    }
    // Asked again with the account the identity answer named: a call whose path that leaves alone
    // joins the one already out; only a call whose path it changes is sent (again).
    Account account = read.account();
    Map<Object, Optional<Calls.Pending>> asked = scopeAndExcessCalls(account, false);
    Map<Scope, Probed> probes = new LinkedHashMap<>();
    Optional<HttpOutcome> listing = Optional.empty();
    Optional<ScopeListing> scopeListing = descriptor.scopeListing();
    if (scopeListing.isPresent()) {
      // A listing whose path names a value nobody gave fails as the descriptor's mistake it is.
      listing = Optional.of(asked.get(scopeListing.get())
          .orElseGet(() -> submit(scopeListing.get().call(), account, true)).await());
      verdicts.get().provisionalJudge().provisional(listing.get(), account).forEach(progress::scope);
    } else {
      probes = probes(asked, account);
    }
    Map<ExcessCall, HttpOutcome> excess = new LinkedHashMap<>();
    for (ExcessCall call : excessCalls()) {
      asked.get(call).ifPresent(pending -> excess.put(call, pending.await()));
    }
    return new Observed(platform, credentials, identity, account, read.identityRead(), read.named(), probes, listing,
        excess);
  }

  /**
   * Starts (or joins) the scope listing call or every scope's probe, and the excess calls, with
   * {@code account}'s values; a call whose path names a value {@code account} lacks is not sent (empty).
   * Keyed by the scope, the listing or the excess call.
   *
   * @param readsOnly start only the GET and HEAD calls (the others are left out)
   */
  private Map<Object, Optional<Calls.Pending>> scopeAndExcessCalls(Account account, boolean readsOnly) {
    Map<Object, Optional<Calls.Pending>> asked = new LinkedHashMap<>();
    descriptor.scopeListing().ifPresentOrElse(
        listing -> ask(asked, listing, listing.call(), account, true, readsOnly),
        () -> descriptor.scopes().forEach(scope ->
            ask(asked, scope, Classifier.probeOf(scope).call(), account, false, readsOnly)));
    excessCalls().forEach(call -> ask(asked, call, call.call(), account, true, readsOnly));
    return asked;
  }

  private List<ExcessCall> excessCalls() {
    return descriptor.excess().map(Excess::calls).orElse(List.of());
  }

  private void ask(Map<Object, Optional<Calls.Pending>> asked, Object key, Call call, Account account, boolean readBody,
      boolean readsOnly) {
    if (!readsOnly || call.method().equals("GET") || call.method().equals("HEAD")) {
      asked.put(key, trySubmit(call, account, readBody));
    }
  }

  private Optional<Calls.Pending> trySubmit(Call call, Account account, boolean readBody) {
    try {
      return Optional.of(submit(call, account, readBody));
    } catch (Rendering.MissingValue unknown) {
      return Optional.empty();
    }
  }

  private Calls.Pending submit(Call call, Account account, boolean readBody) {
    return calls.submit(call.method(), session.url(rendering.path(call.path(), account)), call.authenticated(),
        readBody || classifier.readsBody(call));
  }

  /** A call not sent because the platform check did not prove the platform. */
  private HttpOutcome notSent(Call call, Account account) {
    String reason = "not sent: the address did not prove to be " + descriptor.name() + "'s";
    String path = ApiSession.pathOf(session.url(rendering.path(call.path(), account)));
    return new HttpOutcome.NotSent(reason, new Evidence(call.method(), ApiSession.hostOf(session.url("")), path, OptionalInt.empty(), 0,
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

  /**
   * Each scope's probe, told to the listener as it answers; a probe whose path names a value no
   * answer or default gave is not sent, and says so.
   */
  private Map<Scope, Probed> probes(Map<Object, Optional<Calls.Pending>> asked, Account account) {
    Map<Scope, Supplier<Probed>> started = new LinkedHashMap<>();
    for (Scope scope : descriptor.scopes()) {
      Optional<Calls.Pending> call = asked.get(scope);
      if (call.isPresent()) {
        call.get().whenDone(outcome -> progress.scope(
            verdicts.get().provisionalJudge().provisional(scope, new Probed.Sent(outcome), account)));
        started.put(scope, () -> new Probed.Sent(call.get().await()));
      } else {
        Probe probe = Classifier.probeOf(scope);
        String reason = missingValue(probe.call(), account);
        Evidence evidence = new Evidence(probe.method(), ApiSession.hostOf(session.url("")), probe.path(),
            OptionalInt.empty(), 0, 0, reason);
        Probed notSent = new Probed.NotSent(reason, evidence);
        progress.scope(verdicts.get().provisionalJudge().provisional(scope, notSent, account));
        started.put(scope, () -> notSent);
      }
    }
    Map<Scope, Probed> probes = new LinkedHashMap<>();
    started.forEach((scope, result) -> probes.put(scope, result.get()));
    return probes;
  }

  /** Why {@code call}'s path cannot be filled in with {@code account}'s values. */
  private String missingValue(Call call, Account account) {
    try {
      rendering.path(call.path(), account);
      throw new IllegalStateException("the path of " + call.method() + " " + call.path() + " can be filled in");
    } catch (Rendering.MissingValue e) {
      return e.getMessage();
    }
  }
}
