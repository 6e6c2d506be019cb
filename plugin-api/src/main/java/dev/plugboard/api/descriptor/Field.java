package dev.plugboard.api.descriptor;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One value the user hands over, such as an API address or an access token.
 *
 * @param id stable identifier ({@code access_token}); names the value in files, environment
 *     variables ({@code PLUGBOARD_<CONNECTOR>_<FIELD>}) and templates
 * @param label the platform's own name for it, as shown in its UI ({@code Access Token})
 * @param kind text, url or secret
 * @param required whether a value must be given; {@code true} unless stated
 * @param help one line saying what the value is
 * @param example a value of the right shape (never a real credential)
 * @param pattern regular expression the normalised value must match whole; for a {@link
 *     FieldKind#URL} it is matched against the path only
 * @param patternHint the pattern in words, shown to users instead of the regular expression
 * @param parts names for the pattern's capturing groups, in order ({@code [store_hash]}); usable
 *     in templates as {@code {field.part}}
 * @param normalize clean-ups applied before checking; {@code [trim, strip_quotes]} unless stated
 * @param guideStep the id of the setup guide step where the user finds the value
 * @param fileLabels the labels this value carries in the platform's downloaded credentials file
 * @param advisory what the value usually looks like, warned about when it does not
 * @param defaultValue the value used when none is given (YAML key {@code defaultValue}); a field
 *     with one always has a value, so templates may name it
 * @param canonical for a {@link FieldKind#URL}: the value kept, as a template of the field's own
 *     parts ({@code {store_url.origin}{store_url.site_path}}), so that a pasted page address is
 *     kept as the site's root; {@code {field}} in templates then means this value
 */
public record Field(
    String id,
    String label,
    FieldKind kind,
    Boolean required,
    String help,
    Optional<String> example,
    Optional<String> pattern,
    Optional<String> patternHint,
    List<String> parts,
    List<Normalization> normalize,
    Optional<String> guideStep,
    List<String> fileLabels,
    Optional<Advisory> advisory,
    Optional<String> defaultValue,
    Optional<String> canonical) {

  /** The parts every {@link FieldKind#URL} field offers to templates. */
  public static final List<String> URL_PARTS = List.of("origin", "scheme", "host", "port");

  private static final List<String> RESERVED_IDS = List.of("account", "scope");

  public Field {
    Checks.requireIdentifier(id, "id");
    if (RESERVED_IDS.contains(id)) {
      throw new InvalidDescriptorException("id " + id + " is reserved for templates; choose another");
    }
    Checks.requireText(label, "label");
    if (kind == null) {
      throw new InvalidDescriptorException("kind is missing; write text, url or secret");
    }
    required = required == null || required;
    Checks.requireText(help, "help");
    example = Checks.optional(example);
    pattern = Checks.optional(pattern);
    patternHint = Checks.optional(patternHint);
    advisory = Checks.optional(advisory);
    defaultValue = Checks.optional(defaultValue);
    canonical = Checks.optional(canonical);
    parts = Checks.list(parts, "parts");
    normalize =
        normalize == null ? List.of(Normalization.TRIM, Normalization.STRIP_QUOTES) : Checks.list(normalize, "normalize");
    guideStep = Checks.guideStep(guideStep, "guideStep");
    fileLabels = Checks.list(fileLabels, "fileLabels").stream().map(String::trim).toList();
    fileLabels.forEach(fileLabel -> Checks.requireText(fileLabel, "fileLabels"));
    if (defaultValue.isPresent() && defaultValue.get().isBlank()) {
      throw new InvalidDescriptorException("defaultValue is blank: give a value or leave the key out");
    }
    if (defaultValue.isPresent() && kind == FieldKind.SECRET) {
      throw new InvalidDescriptorException("defaultValue is given for the secret field " + id
          + "; a secret cannot have a default written in the descriptor");
    }
    if (canonical.isPresent()) {
      if (kind != FieldKind.URL) {
        throw new InvalidDescriptorException("canonical is for url fields only; " + id + " is " + kind.name().toLowerCase(
            java.util.Locale.ROOT));
      }
      for (String placeholder : Template.parse(canonical.get(), "canonical").placeholders()) {
        if (!Template.nameOf(placeholder).equals(id) || Template.partOf(placeholder).isEmpty()) {
          throw new InvalidDescriptorException("canonical may name only this field's parts, such as {" + id
              + ".origin}: {" + placeholder + "}");
        }
      }
    }
    if (pattern.isPresent()) {
      Pattern compiled = compile(pattern.get(), "pattern");
      Checks.requireText(patternHint.orElse(null), "patternHint (the pattern in words, for users)");
      checkParts(parts, compiled.matcher("").groupCount(), kind);
    } else if (!parts.isEmpty()) {
      throw new InvalidDescriptorException("parts needs a pattern with capturing groups to take them from");
    }
  }

  /** Whether the field always has a value: required, or with a default. */
  public boolean alwaysGiven() {
    return required || defaultValue.isPresent();
  }

  /** Whether the value must never be shown, logged or stored in plaintext. */
  public boolean secret() {
    return kind == FieldKind.SECRET;
  }

  /** Every part a template may name after this field's id. */
  public List<String> partNames() {
    return kind == FieldKind.URL
        ? java.util.stream.Stream.concat(URL_PARTS.stream(), parts.stream()).toList()
        : parts;
  }

  static Pattern compile(String regex, String name) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidDescriptorException(
          name + " is not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex()
              + "): " + regex);
    }
  }

  private static void checkParts(List<String> parts, int groups, FieldKind kind) {
    if (parts.size() > groups) {
      throw new InvalidDescriptorException(
          "parts names " + parts.size() + " parts but the pattern has " + groups + " capturing groups");
    }
    Set<String> seen = new HashSet<>();
    for (String part : parts) {
      Checks.requireIdentifier(part, "parts");
      if (!seen.add(part) || (kind == FieldKind.URL && URL_PARTS.contains(part))) {
        throw new InvalidDescriptorException("parts names " + part + " twice (url fields already have " + URL_PARTS + ")");
      }
    }
  }
}
