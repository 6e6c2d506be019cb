package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.Template;
import dev.plugboard.host.Account;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.HostResolver;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.HostVersion;
import dev.plugboard.host.internal.form.CheckedValues;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ApiSession;
import dev.plugboard.host.internal.http.ApiTarget;
import dev.plugboard.host.internal.http.Deadline;
import dev.plugboard.host.internal.net.GuardedHosts;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.settings.HostSettings;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Verifies a connection live, from the connector's descriptor alone: the credentials check and
 * the identity call, then one probe per declared scope, all over the host's shared HTTP client,
 * within one deadline. Every declared scope is reported, whatever else fails.
 *
 * <pre>{@code
 * Verifier verifier = new Verifier(settings, HttpClients.create());
 * VerificationReport report = verifier.verify(connector, checkedValues, formatChecks, VerifyOptions.defaults());
 * }</pre>
 *
 * <p>Nothing is sent when a format check did not pass: the report is then {@code INVALID}.
 * Thread-safe: one instance serves any number of verifications at once.
 */
public final class Verifier {

  /** The format phase as the report gives it when every value passed. */
  static final PhaseCheck FORMAT_PASSED = new PhaseCheck(Phase.FORMAT, Outcome.PASSED,
      "every value is present and well-formed");

  private final HostSettings settings;
  private final Function<HttpUrl, OkHttpClient> client;
  /** Each connector's parsed templates, by its descriptor (the very instance the registry loaded). */
  private final Map<ConnectorDescriptor, Templates> templates = Collections.synchronizedMap(new IdentityHashMap<>());

  public Verifier(HostSettings settings, OkHttpClient client) {
    this(settings, base -> client);
  }

  /**
   * A verifier that asks for the HTTP client only when it first sends a call, giving the base URL
   * the calls go to (a client for plain http need not build TLS).
   */
  public Verifier(HostSettings settings, Function<HttpUrl, OkHttpClient> client) {
    this.settings = settings;
    this.client = client;
  }

  /**
   * Verifies what the format phase passed; when it did not pass, reports {@code INVALID} and sends
   * nothing.
   */
  public VerificationReport verify(LoadedConnector connector, FormatResult format, VerifyOptions options) {
    return verify(connector, format, options, VerificationListener.NONE);
  }

  /**
   * {@link #verify(LoadedConnector, FormatResult, VerifyOptions)}, telling {@code listener} each
   * phase and scope as it is decided.
   */
  public VerificationReport verify(LoadedConnector connector, FormatResult format, VerifyOptions options,
      VerificationListener listener) {
    if (format.values().isPresent()) {
      return verify(connector, format.values().get(), format.fields(), options, listener);
    }
    Progress progress = Progress.start(connector.descriptor(), listener);
    VerificationReport report = invalid(connector.descriptor(), format.fields(), invalidIds(format.fields()),
        options.clock().instant());
    progress.finish(report, false);
    return report;
  }

  /**
   * Verifies {@code values} against the connector's platform.
   *
   * @param formatChecks the format phase's result for each field; put in the report as they are
   * @throws IllegalArgumentException when the values are for another connector
   */
  public VerificationReport verify(
      LoadedConnector connector, CheckedValues values, List<FieldCheck> formatChecks, VerifyOptions options) {
    return verify(connector, values, formatChecks, options, VerificationListener.NONE);
  }

  /**
   * {@link #verify(LoadedConnector, CheckedValues, List, VerifyOptions)}, telling {@code listener}
   * each phase and scope as it is decided.
   */
  public VerificationReport verify(LoadedConnector connector, CheckedValues values, List<FieldCheck> formatChecks,
      VerifyOptions options, VerificationListener listener) {
    if (!connector.id().equals(values.connectorId())) {
      throw new IllegalArgumentException(
          "values are for connector " + values.connectorId() + ", not " + connector.id());
    }
    Progress progress = Progress.start(connector.descriptor(), listener);
    VerificationReport report = live(connector, values, formatChecks, options, progress);
    progress.finish(report, report.phases().get(0).status() == Outcome.PASSED);
    return report;
  }

  private VerificationReport live(LoadedConnector connector, CheckedValues values, List<FieldCheck> formatChecks,
      VerifyOptions options, Progress progress) {
    ConnectorDescriptor descriptor = connector.descriptor();
    Instant checkedAt = options.clock().instant();
    List<String> invalid = invalidIds(formatChecks);
    if (!invalid.isEmpty()) {
      return invalid(descriptor, formatChecks, invalid, checkedAt);
    }
    GuardedHosts.Result guard = GuardedHosts.resolve(values.guardedHosts(), settings.resolver(), options.timeout());
    if (guard.refused().isPresent()) {
      List<FieldCheck> checks = refuse(descriptor, formatChecks, guard.refused().get());
      return invalid(descriptor, checks, invalidIds(checks), checkedAt);
    }
    progress.phase(FORMAT_PASSED);
    Templates parsed = templates.computeIfAbsent(descriptor, d -> new Templates());
    Rendering rendering = new Rendering(descriptor, values, parsed);
    ApiTarget target = target(connector, rendering, values, options);
    OkHttpClient shared = client.apply(target.baseUrl());
    OkHttpClient runClient = values.guardedHosts().isEmpty() && settings.resolver() == HostResolver.SYSTEM
        ? shared
        : shared.newBuilder().dns(guard.hosts().orElseThrow()).build();
    ApiSession session = new ApiSession(runClient, target, options.retry(), Deadline.in(options.timeout()));
    String addressLabel = addressLabel(descriptor, parsed);
    Observed observed;
    try (Calls calls = new Calls(session, options.parallelism())) {
      observed = new VerificationRun(descriptor, rendering, session, calls, progress,
          () -> new Verdict(descriptor, rendering, addressLabel), options.oneWave()).observe();
    }
    return new Verdict(descriptor, rendering, addressLabel).report(observed, formatChecks, checkedAt);
  }

  /** The format checks with the refused host's field turned invalid: nothing is sent. */
  private static List<FieldCheck> refuse(ConnectorDescriptor descriptor, List<FieldCheck> checks,
      GuardedHosts.Refusal refusal) {
    String label = descriptor.field(refusal.fieldId()).map(Field::label).orElse(refusal.fieldId());
    String message = label + " names " + refusal.host() + ", which " + refusal.reason()
        + ". To test against a server of your own, allow its address for that run (--allow-host HOST[:PORT]).";
    return checks.stream()
        .map(check -> check.id().equals(refusal.fieldId())
            ? new FieldCheck(check.id(), FieldCheck.Status.INVALID, message)
            : check)
        .toList();
  }

  private ApiTarget target(LoadedConnector connector, Rendering rendering, CheckedValues values,
      VerifyOptions options) {
    ConnectorDescriptor descriptor = connector.descriptor();
    String base = rendering.baseUrl();
    HttpUrl baseUrl = HttpUrl.parse(base);
    if (baseUrl == null) {
      throw new PlugboardException(connector.pluginLabel() + ": http.baseUrl gives " + base + ", not an http(s) address");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> credentialHeaders = new LinkedHashMap<>();
    for (Rendering.Header header : rendering.headers()) {
      if (!header.value().chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
        throw new PlugboardException(connector.pluginLabel() + ": the value for header " + header.name()
            + " holds a character that cannot go in an HTTP header");
      }
      (header.credential() ? credentialHeaders : headers).put(header.name(), header.value());
    }
    String userAgent = "plugboard/" + HostVersion.get() + " (" + connector.id() + "@" + connector.pluginVersion() + ")";
    // The allow-list the format phase checked the values against, and the run's own additions.
    AllowedHosts allowedHosts = values.allowedHosts().plus(options.extraHosts());
    return new ApiTarget(baseUrl, headers, credentialHeaders, userAgent, allowedHosts, descriptor.http().rateLimit());
  }

  /** The label of the field the base URL is built from, for remediations ("Check the API Path ..."). */
  private static String addressLabel(ConnectorDescriptor descriptor, Templates parsed) {
    List<String> placeholders = parsed.get(descriptor.http().baseUrl(), "http.baseUrl").placeholders();
    return placeholders.stream()
        .map(Template::nameOf)
        .map(descriptor::field)
        .flatMap(Optional::stream)
        .map(Field::label)
        .findFirst()
        .orElse("address");
  }

  private static List<String> invalidIds(List<FieldCheck> formatChecks) {
    return formatChecks.stream().filter(check -> check.status() != FieldCheck.Status.OK).map(FieldCheck::id).toList();
  }

  /** A value is missing or malformed: nothing is sent, every later phase and every scope is skipped. */
  private static VerificationReport invalid(
      ConnectorDescriptor descriptor, List<FieldCheck> fields, List<String> invalid, Instant checkedAt) {
    String skipped = "nothing is sent while a value is missing or malformed";
    List<PhaseCheck> phases = List.of(
        new PhaseCheck(Phase.FORMAT, Outcome.FAILED, "missing or malformed: " + String.join(", ", invalid)),
        new PhaseCheck(Phase.CREDENTIALS, Outcome.SKIPPED, skipped),
        new PhaseCheck(Phase.IDENTITY, Outcome.SKIPPED, skipped),
        new PhaseCheck(Phase.SCOPES, Outcome.SKIPPED, skipped));
    List<ScopeCheck> scopes = descriptor.scopes().stream()
        .map(scope -> new ScopeCheck(scope.name(), scope.permission(), scope.id(), ScopeCheck.Status.SKIPPED, Optional.empty(), ""))
        .toList();
    Problem problem = new Problem("invalid_values", "Some values are missing or malformed: " + String.join(", ", invalid)
        + ". Nothing was sent.", "Correct the values the fields list explains, then verify again.", Optional.empty());
    return new VerificationReport(descriptor.id(), VerificationReport.Status.INVALID, Account.UNKNOWN, phases, fields,
        scopes, List.of(problem), checkedAt);
  }
}
