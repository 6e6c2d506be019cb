package dev.plugboard.api.descriptor;

import dev.plugboard.api.descriptor.InvalidDescriptorException.Defect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that span records: unique names, guide step and diagnosis references, and what each
 * template may name. Every defect is collected, so a plugin author sees all of them at once.
 */
final class DescriptorCrossCheck {

  private static final List<String> SCOPE_PARTS = List.of("name", "permission", "id");

  /** What a template may name besides fields. */
  private enum Names {
    /** Fields only, no secrets: addresses and paths sent before the identity answers. */
    FIELDS,
    /** Fields, secrets included: credential headers. */
    CREDENTIALS,
    /** Fields and {@code {account.*}}: probe paths, the display. */
    ACCOUNT,
    /** Fields, {@code {account.*}} and {@code {scope.*}}: scope remediations. */
    SCOPE,
    /** Fields, {@code {account.*}} and {@code {excess.ids}}: the listed-excess warning. */
    EXCESS
  }

  private final List<Field> fields;
  private final Guide guide;
  private final Http http;
  private final Optional<PlatformCheck> platformCheck;
  private final CredentialsCheck credentials;
  private final Identity identity;
  private final List<Scope> scopes;
  private final Optional<ScopeListing> scopeListing;
  private final Optional<Remediation> scopeRemediation;
  private final Optional<Excess> excess;
  private final List<Diagnosis> diagnoses;
  private final List<Defect> defects = new ArrayList<>();

  DescriptorCrossCheck(List<Field> fields, Guide guide, Http http, Optional<PlatformCheck> platformCheck,
      CredentialsCheck credentials, Identity identity, List<Scope> scopes, Optional<ScopeListing> scopeListing,
      Optional<Remediation> scopeRemediation, Optional<Excess> excess, List<Diagnosis> diagnoses) {
    this.fields = fields;
    this.guide = guide;
    this.http = http;
    this.platformCheck = platformCheck;
    this.credentials = credentials;
    this.identity = identity;
    this.scopes = scopes;
    this.scopeListing = scopeListing;
    this.scopeRemediation = scopeRemediation;
    this.excess = excess;
    this.diagnoses = diagnoses;
  }

  List<Defect> defects() {
    checkGuide();
    checkFields();
    checkScopes();
    checkDiagnoses();
    checkTemplates();
    checkHosts();
    return defects;
  }

  private void defect(String path, String message) {
    defects.add(new Defect(path, message));
  }

  private void checkGuide() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < guide.steps().size(); i++) {
      if (!ids.add(guide.steps().get(i).id())) {
        defect("guide.steps[" + i + "].id", "guide.steps[" + i + "].id " + guide.steps().get(i).id() + " is used twice");
      }
    }
  }

  private void checkFields() {
    Set<String> ids = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      String at = "fields[" + i + "]";
      if (!ids.add(field.id())) {
        defect(at + ".id", at + ".id " + field.id() + " is declared twice");
      }
      for (String label : field.fileLabels()) {
        if (!labels.add(label.toUpperCase(Locale.ROOT))) {
          defect(at + ".fileLabels", at + ".fileLabels: " + label + " is used by two fields");
        }
      }
      step(field.guideStep(), at + ".guideStep");
      if (field.canonical().isPresent()) {
        for (String placeholder : Template.parse(field.canonical().get(), at + ".canonical").placeholders()) {
          if (Template.partOf(placeholder).filter(field.partNames()::contains).isEmpty()) {
            defect(at + ".canonical", at + ".canonical names {" + placeholder + "}, which is not one of fields "
                + field.id() + " parts " + field.partNames());
          }
        }
      }
    }
  }

  private void checkScopes() {
    Set<String> names = new HashSet<>();
    Set<String> scopeIds = new HashSet<>();
    for (int i = 0; i < scopes.size(); i++) {
      Scope scope = scopes.get(i);
      String at = "scopes[" + i + "]";
      if (!names.add(scope.name()) || !scopeIds.add(scope.id())) {
        defect(at, at + " " + scope.name() + " (" + scope.id() + ") is declared twice");
      }
      if (scope.probe().isEmpty() && scopeListing.isEmpty()) {
        defect(at + ".probe", at + ": probe is missing for scope " + scope.name()
            + ": every scope needs the call that proves it, unless scopeListing lists the granted scopes");
      }
      if (scope.remediation().isEmpty() && scopeRemediation.isEmpty()) {
        defect(at + ".remediation", at + ".remediation is missing and there is no scopeRemediation to fall back on");
      }
      scope.remediation().ifPresent(remediation -> step(remediation, at + ".remediation.guideStep"));
      scope.probe().ifPresent(probe -> rules(probe.answers(), at + ".probe.answers"));
    }
    scopeRemediation.ifPresent(remediation -> step(remediation, "scopeRemediation.guideStep"));
    scopeListing.ifPresent(listing -> {
      Set<String> declared = new HashSet<>(scopeIds);
      listing.implies().forEach((listed, implied) -> implied.forEach(scopeId -> {
        if (!declared.contains(scopeId)) {
          defect("scopeListing.implies." + listed, "scopeListing.implies." + listed + " names " + scopeId
              + ", which no declared scope has as its id " + declared);
        }
      }));
      rules(listing.answers(), "scopeListing.answers");
    });
  }

  private void checkDiagnoses() {
    Set<String> ids = new HashSet<>();
    Set<DiagnosisTrigger> triggers = new HashSet<>();
    for (int i = 0; i < diagnoses.size(); i++) {
      Diagnosis diagnosis = diagnoses.get(i);
      String at = "diagnoses[" + i + "]";
      if (!ids.add(diagnosis.id())) {
        defect(at + ".id", at + ".id " + diagnosis.id() + " is declared twice");
      }
      diagnosis.when().filter(trigger -> !triggers.add(trigger)).ifPresent(trigger ->
          defect(at + ".when", at + ".when " + trigger.name().toLowerCase(Locale.ROOT) + " is already another diagnosis's"));
      step(diagnosis.remediation(), at + ".remediation.guideStep");
    }
    if (!ids.contains(Diagnosis.CREDENTIALS_REJECTED)) {
      defect("diagnoses", "diagnoses has no " + Diagnosis.CREDENTIALS_REJECTED
          + ": say what to tell the user when the platform rejects the credentials (http.rejectedStatuses)");
    }
    rules(http.answers(), "http.answers");
    rules(credentials.answers(), "credentials.answers");
    rules(identity.answers(), "identity.answers");
    platformCheck.ifPresent(check -> {
      rules(check.answers(), "platformCheck.answers");
      diagnosisReference(check.diagnosis(), "platformCheck.diagnosis");
    });
    excess.ifPresent(declared -> {
      Set<String> excessIds = new HashSet<>();
      for (int i = 0; i < declared.calls().size(); i++) {
        ExcessCall call = declared.calls().get(i);
        if (!excessIds.add(call.id())) {
          defect("excess.calls[" + i + "].id", "excess.calls[" + i + "].id " + call.id() + " is declared twice");
        }
        step(call.remediation(), "excess.calls[" + i + "].remediation.guideStep");
      }
      declared.listed().ifPresent(listed -> {
        if (scopeListing.isEmpty()) {
          defect("excess.listed", "excess.listed needs a scopeListing: only a listing shows scopes nobody asked for");
        }
        step(listed.remediation(), "excess.listed.remediation.guideStep");
      });
    });
  }

  private void rules(List<AnswerRule> rules, String at) {
    for (int i = 0; i < rules.size(); i++) {
      AnswerRule rule = rules.get(i);
      String where = at + "[" + i + "].diagnosis";
      rule.diagnosis().ifPresent(diagnosisId -> diagnosisReference(diagnosisId, where));
    }
  }

  private void diagnosisReference(String diagnosisId, String at) {
    if (diagnoses.stream().noneMatch(d -> d.id().equals(diagnosisId))) {
      defect(at, at + " names " + diagnosisId + ", which is not one of diagnoses "
          + diagnoses.stream().map(Diagnosis::id).toList());
    }
  }

  private void step(Remediation remediation, String at) {
    step(remediation.guideStep(), at);
  }

  private void step(Optional<String> reference, String at) {
    if (reference.isEmpty() || guide.step(reference.get()).isPresent()) {
      return;
    }
    String step = reference.get();
    String ids = String.join(", ", guide.steps().stream().map(GuideStep::id).toList());
    if (step.chars().allMatch(Character::isDigit) && Integer.parseInt(step) > guide.steps().size()) {
      defect(at, at + " is " + step + " but the guide has " + guide.steps().size() + " steps");
    } else if (step.chars().allMatch(Character::isDigit)) {
      defect(at, at + " is " + step + ": name the guide step by its id (steps: " + ids + ")");
    } else {
      defect(at, at + " names no guide step " + step + " (steps: " + ids + ")");
    }
  }

  private void checkTemplates() {
    for (int i = 0; i < diagnoses.size(); i++) {
      Diagnosis diagnosis = diagnoses.get(i);
      check(diagnosis.message(), "diagnoses[" + i + "].message", Names.ACCOUNT);
      check(diagnosis.remediation().text(), "diagnoses[" + i + "].remediation.text", Names.ACCOUNT);
    }
    check(http.baseUrl(), "http.baseUrl", Names.FIELDS);
    http.headers().forEach((header, value) -> check(value, "http.headers." + header, Names.CREDENTIALS));
    http.auth().ifPresent(auth -> {
      check(auth.basic().username(), "http.auth.basic.username", Names.CREDENTIALS);
      check(auth.basic().password(), "http.auth.basic.password", Names.CREDENTIALS);
    });
    for (int i = 0; i < http.allowedHosts().size(); i++) {
      check(http.allowedHosts().get(i), "http.allowedHosts[" + i + "]", Names.FIELDS);
    }
    platformCheck.ifPresent(check -> check(check.path(), "platformCheck.path", Names.FIELDS));
    check(credentials.path(), "credentials.path", Names.FIELDS);
    check(identity.path(), "identity.path", Names.FIELDS);
    identity.expect().forEach((key, value) -> check(value, "identity.expect." + key, Names.FIELDS));
    check(identity.display(), "identity.display", Names.ACCOUNT);
    for (int i = 0; i < scopes.size(); i++) {
      String at = "scopes[" + i + "]";
      Scope scope = scopes.get(i);
      scope.probe().ifPresent(probe -> check(probe.path(), at + ".probe.path", Names.ACCOUNT));
      scope.remediation().ifPresent(remediation -> check(remediation.text(), at + ".remediation.text", Names.SCOPE));
    }
    scopeListing.ifPresent(listing -> check(listing.path(), "scopeListing.path", Names.FIELDS));
    scopeRemediation.ifPresent(remediation -> check(remediation.text(), "scopeRemediation.text", Names.SCOPE));
    excess.ifPresent(declared -> {
      for (int i = 0; i < declared.calls().size(); i++) {
        ExcessCall call = declared.calls().get(i);
        check(call.path(), "excess.calls[" + i + "].path", Names.FIELDS);
        check(call.message(), "excess.calls[" + i + "].message", Names.ACCOUNT);
        check(call.remediation().text(), "excess.calls[" + i + "].remediation.text", Names.ACCOUNT);
      }
      declared.listed().ifPresent(listed -> {
        check(listed.message(), "excess.listed.message", Names.EXCESS);
        check(listed.remediation().text(), "excess.listed.remediation.text", Names.EXCESS);
      });
    });
  }

  private void check(String template, String where, Names names) {
    Template parsed;
    try {
      parsed = Template.parse(template, where);
    } catch (InvalidDescriptorException e) {
      defect(where, e.getMessage());
      return;
    }
    for (String placeholder : parsed.placeholders()) {
      String base = Template.nameOf(placeholder);
      Optional<String> part = Template.partOf(placeholder);
      if (base.equals("account") && names != Names.FIELDS && names != Names.CREDENTIALS) {
        requirePart(part, identityValues(), placeholder, where, "identity.values");
      } else if (base.equals("scope") && names == Names.SCOPE) {
        requirePart(part, SCOPE_PARTS, placeholder, where, "scope");
      } else if (base.equals("excess") && names == Names.EXCESS) {
        requirePart(part, List.of("ids"), placeholder, where, "excess");
      } else {
        fieldReference(base, part, placeholder, where, names);
      }
    }
  }

  /** The account values templates may name: the identity call's, and the platform check's. */
  private Set<String> identityValues() {
    Set<String> keys = new java.util.LinkedHashSet<>(identity.values().keySet());
    platformCheck.ifPresent(check -> keys.addAll(check.values().keySet()));
    return keys;
  }

  private void fieldReference(String base, Optional<String> part, String placeholder, String where, Names names) {
    Optional<Field> found = fields.stream().filter(f -> f.id().equals(base)).findFirst();
    if (found.isEmpty()) {
      defect(where, where + " names {" + placeholder + "}, but there is no field " + base
          + " (fields: " + fields.stream().map(Field::id).toList() + ")");
      return;
    }
    Field field = found.get();
    if (field.secret() && names != Names.CREDENTIALS) {
      defect(where, where + " names the secret field " + base
          + "; secrets may appear in http.headers and http.auth only, never in addresses or texts");
    }
    if (!field.alwaysGiven()) {
      defect(where, where + " names the optional field " + base
          + "; a template may name required fields (or fields with a defaultValue) only, since it needs a value every time");
    }
    if (part.isPresent()) {
      requirePart(part, field.partNames(), placeholder, where, "fields " + base + " parts");
    }
  }

  private void requirePart(Optional<String> part, Collection<String> known, String placeholder, String where,
      String source) {
    if (part.filter(known::contains).isEmpty()) {
      defect(where, where + " names {" + placeholder + "}, which is not one of " + source + " " + known);
    }
  }

  /**
   * The base URL decides where credentials go: its host must be a literal allowed host, a
   * template that is itself an allowed host, or a url field's address (whose host the format
   * phase checks against the allowed hosts).
   */
  private void checkHosts() {
    String baseUrl = http.baseUrl();
    if (baseUrl.startsWith("{")) {
      List<String> placeholders;
      try {
        placeholders = Template.parse(baseUrl, "http.baseUrl").placeholders();
      } catch (InvalidDescriptorException e) {
        return; // reported with the templates
      }
      String first = placeholders.get(0);
      String fieldId = Template.nameOf(first);
      Optional<String> part = Template.partOf(first);
      boolean fromUrlField = fields.stream().anyMatch(f -> f.id().equals(fieldId) && f.kind() == FieldKind.URL);
      if (!fromUrlField || !baseUrl.startsWith("{" + first + "}") || !part.orElse("origin").equals("origin")) {
        defect("http.baseUrl", "http.baseUrl must start with https://HOST/, or with {field} or {field.origin} of a url"
            + " field: " + baseUrl);
      }
      return;
    }
    if (!baseUrl.startsWith("https://")) {
      defect("http.baseUrl", "http.baseUrl must use https: " + baseUrl);
      return;
    }
    String rest = baseUrl.substring("https://".length());
    String host = rest.substring(0, rest.indexOf('/')).toLowerCase(Locale.ROOT);
    if (!http.allowedHosts().contains(host)) {
      defect("http.baseUrl", "http.baseUrl's host " + host + " is not in http.allowedHosts " + http.allowedHosts());
    }
  }
}
