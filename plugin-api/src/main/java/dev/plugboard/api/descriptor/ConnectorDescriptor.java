package dev.plugboard.api.descriptor;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Plugboard knows about one platform, as data: the values to ask for, the setup guide,
 * how to call the platform, and the scopes to prove. The host draws forms, verifies connections
 * and writes remediations from this alone.
 *
 * <p>The constructor checks the whole descriptor, including that every template names something
 * that exists; an invalid descriptor fails with an {@link InvalidDescriptorException} listing
 * every defect found, each with its place.
 *
 * @param format the descriptor format, {@value #FORMAT}: a format is numbered after the plugin-api
 *     that first reads it (1.3 added {@code http.rateLimit.burst}); the host reads files of format
 *     1.1 and files without one (format 1.0) too, and upgrades them
 * @param id the connector's identifier, as typed on the command line ({@code bigcommerce})
 * @param name the platform's name ({@code BigCommerce})
 * @param summary one line saying what connecting gives
 * @param guide how to create the credentials on the platform
 * @param fields the values to ask for, in the order to ask them
 * @param credentialsFile the file the platform hands out with the credentials, if any
 * @param http how to call the platform
 * @param platformCheck the call proving the address is this platform at all, if the platform has one
 * @param credentials the call that tells whether the credentials are accepted
 * @param identity the call that names the account
 * @param scopes the permissions the connection needs, each with the call that proves it
 * @param scopeListing the call listing the granted scopes, instead of one probe per scope
 * @param scopeRemediation what to do about a missing scope, unless the scope says otherwise
 * @param excess how to notice more permission than the connection needs
 * @param diagnoses the platform's words for findings about the connection as a whole
 */
public record ConnectorDescriptor(
    String format,
    String id,
    String name,
    String summary,
    Guide guide,
    List<Field> fields,
    Optional<CredentialsFile> credentialsFile,
    Http http,
    Optional<PlatformCheck> platformCheck,
    CredentialsCheck credentials,
    Identity identity,
    List<Scope> scopes,
    Optional<ScopeListing> scopeListing,
    Optional<Remediation> scopeRemediation,
    Optional<Excess> excess,
    List<Diagnosis> diagnoses) {

  /** The descriptor format this plugin-api reads. */
  public static final String FORMAT = "1.3";

  public ConnectorDescriptor {
    Checks.requireText(format, "format");
    if (!format.equals(FORMAT)) {
      throw new InvalidDescriptorException("format is " + format + "; this plugin-api builds format " + FORMAT);
    }
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
    credentialsFile = Checks.optional(credentialsFile);
    require(http, "http");
    platformCheck = Checks.optional(platformCheck);
    require(credentials, "credentials");
    require(identity, "identity");
    scopes = Checks.list(scopes, "scopes");
    scopeListing = Checks.optional(scopeListing);
    scopeRemediation = Checks.optional(scopeRemediation);
    excess = Checks.optional(excess);
    diagnoses = Checks.list(diagnoses, "diagnoses");
    List<InvalidDescriptorException.Defect> defects = new DescriptorCrossCheck(fields, guide, http, platformCheck,
        credentials, identity, scopes, scopeListing, scopeRemediation, excess, diagnoses).defects();
    if (!defects.isEmpty()) {
      throw new InvalidDescriptorException(defects);
    }
  }

  /** The field with this id. */
  public Optional<Field> field(String fieldId) {
    return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
  }

  /** The secret fields the credentials carry (headers, Basic auth): sent to allowed hosts only. */
  public List<Field> credentialFields() {
    Set<String> named = new HashSet<>();
    http.credentialTemplates().forEach(template ->
        Template.parse(template, "http").placeholders().forEach(p -> named.add(Template.nameOf(p))));
    return fields.stream().filter(f -> f.secret() && named.contains(f.id())).toList();
  }

  /** What to do when {@code scope} is missing: its own remediation or the descriptor's default. */
  public Remediation remediationFor(Scope scope) {
    return scope.remediation().or(() -> scopeRemediation).orElseThrow();
  }

  /** The diagnosis with this id. */
  public Optional<Diagnosis> diagnosis(String diagnosisId) {
    return diagnoses.stream().filter(d -> d.id().equals(diagnosisId)).findFirst();
  }

  /** The diagnosis that stands for {@code trigger}, if the descriptor has one. */
  public Optional<Diagnosis> diagnosis(DiagnosisTrigger trigger) {
    return diagnoses.stream().filter(d -> d.when().equals(Optional.of(trigger))).findFirst();
  }

  /** Whether any host credentials go to is taken from the values (and so guarded as user input). */
  public boolean hostsFromValues() {
    return http.allowedHosts().stream().anyMatch(Http::fromValues);
  }

  private static void require(Object value, String name) {
    if (value == null) {
      throw new InvalidDescriptorException(name + " is missing");
    }
  }
}
