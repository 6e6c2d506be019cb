package dev.plugboard.api.descriptor;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Plugboard knows about one platform, as data: the values to ask for, the setup guide,
 * how to call the platform, and the scopes to prove. The host draws forms, verifies connections
 * and writes remediations from this alone.
 *
 * <p>The constructor checks the whole descriptor, including that every template names something
 * that exists; an invalid descriptor fails with an {@link InvalidDescriptorException} that says
 * where.
 *
 * @param id the connector's identifier, as typed on the command line ({@code bigcommerce})
 * @param name the platform's name ({@code BigCommerce})
 * @param summary one line saying what connecting gives
 * @param guide how to create the credentials on the platform
 * @param fields the values to ask for, in the order to ask them
 * @param credentialsFile the file the platform hands out with the credentials, if any
 * @param http how to call the platform
 * @param credentials the call that tells whether the credentials are accepted
 * @param identity the call that names the account
 * @param scopes the permissions the connection needs, each with the call that proves it
 * @param scopeRemediation what to do about a missing scope, unless the scope says otherwise
 * @param diagnoses the platform's words for findings about the connection as a whole
 */
public record ConnectorDescriptor(
    String id,
    String name,
    String summary,
    Guide guide,
    List<Field> fields,
    CredentialsFile credentialsFile,
    Http http,
    CredentialsCheck credentials,
    Identity identity,
    List<Scope> scopes,
    Remediation scopeRemediation,
    Diagnoses diagnoses) {

  private static final List<String> SCOPE_PARTS = List.of("name", "permission", "id");

  public ConnectorDescriptor {
    Checks.requireText(id, "id");
    if (!id.matches("[a-z][a-z0-9-]*")) {
      throw new InvalidDescriptorException("id must be lowercase letters, digits and - starting with a letter: " + id);
    }
    Checks.requireText(name, "name");
    Checks.requireText(summary, "summary");
    require(guide, "guide");
    fields = Checks.list(fields, "fields");
    if (fields.isEmpty()) {
      throw new InvalidDescriptorException("fields is missing: a connector asks for at least one value");
    }
    require(http, "http");
    require(credentials, "credentials");
    require(identity, "identity");
    scopes = Checks.list(scopes, "scopes");
    require(diagnoses, "diagnoses");
    new CrossCheck(fields, guide, http, credentials, identity, scopes, scopeRemediation, diagnoses).run();
  }

  /** The field with this id. */
  public Optional<Field> field(String fieldId) {
    return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
  }

  /** The secret fields {@code http.headers} carry: the credentials, sent to allowed hosts only. */
  public List<Field> credentialFields() {
    Set<String> named = new HashSet<>();
    http.headers().values().forEach(header ->
        Template.parse(header, "http.headers").placeholders().forEach(p -> named.add(Template.nameOf(p))));
    return fields.stream().filter(f -> f.secret() && named.contains(f.id())).toList();
  }

  /** What to do when {@code scope} is missing: its own remediation or the descriptor's default. */
  public Remediation remediationFor(Scope scope) {
    return scope.remediation() != null ? scope.remediation() : scopeRemediation;
  }

  private static void require(Object value, String name) {
    if (value == null) {
      throw new InvalidDescriptorException(name + " is missing");
    }
  }

  /** The checks that span records: unique names, guide step numbers and template references. */
  private record CrossCheck(
      List<Field> fields,
      Guide guide,
      Http http,
      CredentialsCheck credentials,
      Identity identity,
      List<Scope> scopes,
      Remediation scopeRemediation,
      Diagnoses diagnoses) {

    void run() {
      checkUnique();
      checkGuideSteps();
      checkTemplates();
      checkBaseUrl();
    }

    private void checkUnique() {
      Set<String> ids = new HashSet<>();
      Set<String> labels = new HashSet<>();
      for (int i = 0; i < fields.size(); i++) {
        Field field = fields.get(i);
        if (!ids.add(field.id())) {
          throw new InvalidDescriptorException("fields[" + i + "].id " + field.id() + " is declared twice");
        }
        for (String label : field.fileLabels()) {
          if (!labels.add(label.toUpperCase(Locale.ROOT))) {
            throw new InvalidDescriptorException("fields[" + i + "].fileLabels: " + label + " is used by two fields");
          }
        }
      }
      Set<String> names = new HashSet<>();
      Set<String> scopeIds = new HashSet<>();
      for (int i = 0; i < scopes.size(); i++) {
        Scope scope = scopes.get(i);
        if (!names.add(scope.name()) || !scopeIds.add(scope.id())) {
          throw new InvalidDescriptorException("scopes[" + i + "] " + scope.name() + " (" + scope.id() + ") is declared twice");
        }
        if (scope.remediation() == null && scopeRemediation == null) {
          throw new InvalidDescriptorException(
              "scopes[" + i + "].remediation is missing and there is no scopeRemediation to fall back on");
        }
      }
    }

    private void checkGuideSteps() {
      for (int i = 0; i < fields.size(); i++) {
        checkStep(fields.get(i).guideStep(), "fields[" + i + "].guideStep");
      }
      for (int i = 0; i < scopes.size(); i++) {
        checkStep(scopes.get(i).remediation(), "scopes[" + i + "].remediation.guideStep");
      }
      checkStep(scopeRemediation, "scopeRemediation.guideStep");
      checkStep(diagnoses.rejectedCredentials().remediation(), "diagnoses.rejectedCredentials.remediation.guideStep");
      checkStep(diagnoses.allScopesForbidden().remediation(), "diagnoses.allScopesForbidden.remediation.guideStep");
    }

    private void checkStep(Remediation remediation, String name) {
      if (remediation != null) {
        checkStep(remediation.guideStep(), name);
      }
    }

    private void checkStep(Integer step, String name) {
      if (step != null && step > guide.steps().size()) {
        throw new InvalidDescriptorException(
            name + " is " + step + " but the guide has " + guide.steps().size() + " steps");
      }
    }

    private void checkTemplates() {
      References secrets = References.SECRETS_ALLOWED;
      References plain = References.NO_SECRETS;
      check(diagnoses.rejectedCredentials().message(), "diagnoses.rejectedCredentials.message", plain, true, false);
      check(diagnoses.rejectedCredentials().remediation().text(), "diagnoses.rejectedCredentials.remediation.text",
          plain, true, false);
      check(diagnoses.allScopesForbidden().message(), "diagnoses.allScopesForbidden.message", plain, true, false);
      check(diagnoses.allScopesForbidden().remediation().text(), "diagnoses.allScopesForbidden.remediation.text",
          plain, true, false);
      check(http.baseUrl(), "http.baseUrl", plain, false, false);
      http.headers().forEach((header, value) -> check(value, "http.headers." + header, secrets, false, false));
      check(credentials.path(), "credentials.path", plain, false, false);
      check(identity.path(), "identity.path", plain, false, false);
      check(identity.display(), "identity.display", plain, true, false);
      for (int i = 0; i < scopes.size(); i++) {
        Scope scope = scopes.get(i);
        check(scope.probe().path(), "scopes[" + i + "].probe.path", plain, true, false);
        if (scope.remediation() != null) {
          check(scope.remediation().text(), "scopes[" + i + "].remediation.text", plain, true, true);
        }
      }
      if (scopeRemediation != null) {
        check(scopeRemediation.text(), "scopeRemediation.text", plain, true, true);
      }
    }

    private void check(String template, String where, References references, boolean account, boolean scope) {
      for (String placeholder : Template.parse(template, where).placeholders()) {
        String base = Template.nameOf(placeholder);
        String part = Template.partOf(placeholder);
        if (base.equals("account") && account) {
          requirePart(part, identity.values().keySet(), placeholder, where, "identity.values");
        } else if (base.equals("scope") && scope) {
          requirePart(part, SCOPE_PARTS, placeholder, where, "scope");
        } else {
          checkFieldReference(base, part, placeholder, where, references);
        }
      }
    }

    private void checkFieldReference(String base, String part, String placeholder, String where, References references) {
      Field field = fields.stream().filter(f -> f.id().equals(base)).findFirst().orElseThrow(() ->
          new InvalidDescriptorException(where + " names {" + placeholder + "}, but there is no field " + base
              + " (fields: " + fields.stream().map(Field::id).toList() + ")"));
      if (field.secret() && references == References.NO_SECRETS) {
        throw new InvalidDescriptorException(where + " names the secret field " + base
            + "; secrets may appear in http.headers only, never in addresses or texts");
      }
      if (!field.required()) {
        throw new InvalidDescriptorException(where + " names the optional field " + base
            + "; a template may name required fields only, since it needs a value every time");
      }
      if (part != null) {
        requirePart(part, field.partNames(), placeholder, where, "fields " + base + " parts");
      }
    }

    private static void requirePart(
        String part, Collection<String> known, String placeholder, String where, String source) {
      if (part == null || !known.contains(part)) {
        throw new InvalidDescriptorException(
            where + " names {" + placeholder + "}, which is not one of " + source + " " + known);
      }
    }

    /** The base URL decides where credentials go, so its host must be one the allow-list covers. */
    private void checkBaseUrl() {
      String baseUrl = http.baseUrl();
      if (baseUrl.startsWith("{")) {
        String first = Template.parse(baseUrl, "http.baseUrl").placeholders().get(0);
        String fieldId = Template.nameOf(first);
        boolean fromUrlField = fields.stream()
            .anyMatch(f -> f.id().equals(fieldId) && f.kind() == FieldKind.URL);
        if (!fromUrlField || !first.endsWith(".origin")) {
          throw new InvalidDescriptorException(
              "http.baseUrl must start with https://HOST/ or with {field.origin} of a url field: " + baseUrl);
        }
        return;
      }
      if (!baseUrl.startsWith("https://")) {
        throw new InvalidDescriptorException("http.baseUrl must use https: " + baseUrl);
      }
      String rest = baseUrl.substring("https://".length());
      String host = rest.substring(0, rest.indexOf('/')).toLowerCase(Locale.ROOT);
      if (!http.allowedHosts().contains(host)) {
        throw new InvalidDescriptorException(
            "http.baseUrl's host " + host + " is not in http.allowedHosts " + http.allowedHosts());
      }
    }
  }

  private enum References {
    SECRETS_ALLOWED,
    NO_SECRETS
  }
}
