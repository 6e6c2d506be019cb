package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.Advisory;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.api.descriptor.Http;
import dev.plugboard.api.descriptor.Template;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.net.HostNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first phase of verification, done without sending anything: each value is normalised, then
 * checked for presence, length, stray characters, its pattern and, for addresses, the allow-list.
 * Messages say what is wrong in words (the pattern's description, never the pattern) and never
 * repeat a value; of an address they name only the host, to say where credentials would have gone.
 *
 * <pre>{@code
 * FormatResult result = FormatPhase.check(descriptor, Map.of("api_path", pasted), hosts);
 * result.values().ifPresent(engine::verify);
 * }</pre>
 */
public final class FormatPhase {

  /** The longest value accepted, in characters: far above any credential, far below a pasted file. */
  public static final int MAX_LENGTH = 4096;

  private final ConnectorDescriptor descriptor;
  private final AllowedHosts hosts;
  private final UrlCheck urls;
  private final Map<String, Pattern> patterns = new LinkedHashMap<>();

  public FormatPhase(ConnectorDescriptor descriptor, AllowedHosts hosts) {
    this.descriptor = descriptor;
    this.hosts = hosts;
    this.urls = new UrlCheck(hosts);
    descriptor.fields().forEach(f -> f.pattern().ifPresent(regex -> patterns.put(f.id(), Pattern.compile(regex))));
  }

  public static FormatResult check(ConnectorDescriptor descriptor, Map<String, String> raw, AllowedHosts hosts) {
    return new FormatPhase(descriptor, hosts).check(raw);
  }

  /**
   * Checks every declared field; a field {@code raw} lacks (or maps to {@code null}) is missing.
   *
   * @throws PlugboardException when {@code raw} names a field the connector does not declare
   */
  public FormatResult check(Map<String, String> raw) {
    Set<String> unknown = raw.keySet().stream().filter(id -> descriptor.field(id).isEmpty())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!unknown.isEmpty()) {
      throw new PlugboardException("connector " + descriptor.id() + " has no field " + String.join(", ", unknown)
          + "; its fields are " + descriptor.fields().stream().map(Field::id).collect(Collectors.joining(", ")));
    }
    List<FieldCheck> checks = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    Map<String, String> cleaned = new LinkedHashMap<>();
    for (Field field : descriptor.fields()) {
      Outcome outcome = outcome(field, raw.get(field.id()));
      checks.add(outcome.check());
      outcome.value().ifPresent(value -> {
        if (!field.secret()) {
          cleaned.put(field.id(), value);
        }
        fields.put(field.id(), value);
        placeholders.put(field.id(), value);
        outcome.parts().forEach((part, partValue) -> placeholders.put(field.id() + "." + part, partValue));
      });
    }
    boolean passed = checks.stream().allMatch(c -> c.status() == FieldCheck.Status.OK);
    if (!passed) {
      return new FormatResult(checks, Optional.empty(), cleaned);
    }
    List<String> allowed = new ArrayList<>();
    Map<String, String> guarded = new LinkedHashMap<>();
    for (String entry : descriptor.http().allowedHosts()) {
      if (!Http.fromValues(entry)) {
        allowed.add(entry);
        continue;
      }
      Template template = Template.parse(entry, "http.allowedHosts");
      String host = template.render(placeholders::get).toLowerCase(Locale.ROOT);
      String fieldId = Template.nameOf(template.placeholders().get(0));
      allowed.add(host);
      if (hosts.extraHosts().stream().noneMatch(extra -> extra.host().equals(host))) {
        Optional<String> refusal = HostNames.refusal(host);
        if (refusal.isPresent()) {
          Field field = descriptor.field(fieldId).orElseThrow();
          checks.replaceAll(check -> check.id().equals(fieldId)
              ? new FieldCheck(fieldId, FieldCheck.Status.INVALID, field.label() + " " + refusal.get() + ".")
              : check);
          cleaned.remove(fieldId);
          return new FormatResult(checks, Optional.empty(), cleaned);
        }
        guarded.put(host, fieldId);
      }
    }
    Set<String> secrets = descriptor.fields().stream().filter(Field::secret).map(Field::id).collect(Collectors.toSet());
    // The run's one allow-list: what these values were checked against, the values' own hosts filled in.
    AllowedHosts runHosts = AllowedHosts.of(allowed, hosts.extraHosts());
    return new FormatResult(checks,
        Optional.of(new CheckedValues(descriptor.id(), fields, placeholders, secrets, runHosts, guarded)), cleaned);
  }

  /** One field's check, as a prompt asks again until it passes. */
  public FieldCheck checkField(String fieldId, String raw) {
    Field field = descriptor.field(fieldId).orElseThrow(() ->
        new PlugboardException("connector " + descriptor.id() + " has no field " + fieldId));
    return outcome(field, raw).check();
  }

  /**
   * A field's check with, when it passed, its normalised value and the parts taken from it.
   *
   * @param value empty when the value is missing, invalid, or optional and not given
   */
  private record Outcome(FieldCheck check, Optional<String> value, Map<String, String> parts) {}

  private Outcome outcome(Field field, String raw) {
    String value = raw == null ? "" : Normalizer.apply(field.normalize(), raw);
    if (value.isEmpty()) {
      value = field.defaultValue().orElse("");
    }
    if (value.isEmpty()) {
      return field.required()
          ? refuse(field, FieldCheck.Status.MISSING, field.label() + " is missing" + whereToFind(field))
          : new Outcome(new FieldCheck(field.id(), FieldCheck.Status.OK, "not given (optional)"), Optional.empty(), Map.of());
    }
    int length = value.codePointCount(0, value.length());
    if (length > MAX_LENGTH) {
      return refuse(field, FieldCheck.Status.INVALID, field.label() + " is " + length + " characters long; the limit is "
          + MAX_LENGTH + ". Give the value alone, not a whole file or page.");
    }
    OptionalInt invisible = Characters.firstInvisible(value);
    if (invisible.isPresent()) {
      int at = invisible.getAsInt();
      return refuse(field, FieldCheck.Status.INVALID, field.label() + " holds the control or invisible character "
          + Characters.describe(value.codePointAt(at)) + " at position " + (value.codePointCount(0, at) + 1)
          + "; type or paste it again without it.");
    }
    String subject = value;
    Map<String, String> parts = new LinkedHashMap<>();
    if (field.kind() == FieldKind.URL) {
      UrlCheck.Result url = urls.check(value, hostFromValue(field), field.canonical().isPresent());
      if (url instanceof UrlCheck.Refused refused) {
        return refuse(field, FieldCheck.Status.INVALID, urlMessage(field, refused));
      }
      UrlCheck.Accepted accepted = (UrlCheck.Accepted) url;
      value = accepted.value();
      subject = accepted.path();
      parts.putAll(accepted.parts());
    }
    return matchPattern(field, value, subject, parts);
  }

  /** Whether the allowed hosts take this url field's own host ({@code {store_url.host}}): any public host will do. */
  private boolean hostFromValue(Field field) {
    return descriptor.http().allowedHosts().contains("{" + field.id() + ".host}");
  }

  private Outcome matchPattern(Field field, String value, String subject, Map<String, String> parts) {
    Pattern pattern = patterns.get(field.id());
    if (pattern != null) {
      Matcher matcher = pattern.matcher(subject);
      if (!matcher.matches()) {
        return refuse(field, FieldCheck.Status.INVALID, field.label() + " must be " + sentence(field.patternHint().orElseThrow())
            + example(field));
      }
      for (int i = 0; i < field.parts().size(); i++) {
        String group = matcher.group(i + 1);
        parts.put(field.parts().get(i), group == null ? "" : group);
      }
    }
    String warning = field.advisory().filter(advisory -> !advisory.matches(subject)).map(Advisory::message).orElse("");
    String kept = field.canonical().map(canonical -> Template.parse(canonical, "canonical")
        .render(name -> Template.partOf(name).map(parts::get).orElse(""))).orElse(value);
    return new Outcome(new FieldCheck(field.id(), FieldCheck.Status.OK, warning), Optional.of(kept), parts);
  }

  private static Outcome refuse(Field field, FieldCheck.Status status, String message) {
    return new Outcome(new FieldCheck(field.id(), status, message), Optional.empty(), Map.of());
  }

  /** Names where the credentials would have gone, and what a good value looks like. */
  private String urlMessage(Field field, UrlCheck.Refused refused) {
    StringBuilder message = new StringBuilder(field.label()).append(' ').append(refused.reason());
    List<String> credentials = credentialLabels();
    if (!refused.destination().isEmpty() && carriesCredentials(field) && !credentials.isEmpty()) {
      message.append("; your ").append(String.join(" and ", credentials)).append(" would have been sent to ")
          .append(refused.destination()).append(" (nothing was sent)");
    }
    message.append('.');
    field.example().ifPresent(example -> message.append(" A ").append(descriptor.name()).append(' ')
        .append(field.label()).append(" looks like ").append(example).append('.'));
    return message.toString();
  }

  /** Whether calls are addressed with this field: {@code http.baseUrl} takes a part of it. */
  private boolean carriesCredentials(Field field) {
    return Template.parse(descriptor.http().baseUrl(), "http.baseUrl").placeholders().stream()
        .anyMatch(name -> name.equals(field.id()) || name.startsWith(field.id() + "."));
  }

  /** The labels of the secret fields the descriptor's headers carry. */
  private List<String> credentialLabels() {
    return descriptor.credentialFields().stream().map(Field::label).toList();
  }

  private String whereToFind(Field field) {
    if (field.guideStep().isEmpty()) {
      return ".";
    }
    int number = descriptor.guide().number(field.guideStep().get());
    return "; it is shown at step " + number + " of the setup guide ("
        + descriptor.guide().steps().get(number - 1).title() + ").";
  }

  /** The text ending in one full stop. */
  private static String sentence(String text) {
    String stripped = text.strip();
    return stripped.endsWith(".") ? stripped : stripped + ".";
  }

  private static String example(Field field) {
    return field.example().map(example -> " For example: " + example).orElse("");
  }
}
