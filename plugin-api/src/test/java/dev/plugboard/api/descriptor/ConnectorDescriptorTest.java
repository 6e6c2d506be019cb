package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks that span records: a descriptor is refused as a whole, with the place named. */
final class ConnectorDescriptorTest {

  private static final Field API = new Field("api", "API", FieldKind.URL, true, "help", null, Optional.of("^/a/([a-z]+)$"),
      Optional.of("words"), List.of("account"), null, Optional.of("one"), List.of("API"), null, null, null);
  private static final Field TOKEN = new Field("token", "Token", FieldKind.SECRET, true, "help", null, null, null,
      null, null, Optional.of("two"), List.of("TOKEN"), null, null, null);
  private static final Guide GUIDE = new Guide("Set up", List.of(new GuideStep("one", "One", "Do one."),
      new GuideStep("two", "Two", "Do two.")));
  private static final List<Diagnosis> DIAGNOSES = List.of(
      new Diagnosis("credentials_rejected", null, "rejected", new Remediation(Optional.of("two"), "new token")),
      new Diagnosis("credentials_mismatch", Optional.of(DiagnosisTrigger.EVERY_SCOPE_MISSING), "mismatch",
          new Remediation(Optional.of("one"), "x")));

  @Test
  void aValidDescriptorIsBuilt() {
    ConnectorDescriptor descriptor = descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"),
        "orders?limit=1", new Remediation(Optional.of("two"), "Grant {scope.name}: {scope.permission}"));

    assertThat(descriptor.field("token")).contains(TOKEN);
    assertThat(descriptor.remediationFor(descriptor.scopes().get(0)).guideStep()).contains("two");
  }

  @Test
  void aSecretMayOnlyAppearInHeaders() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"),
            "orders?token={token}", new Remediation(Optional.of("two"), "x")))
        .hasMessage("scopes[0].probe.path names the secret field token; secrets may appear in http.headers and"
            + " http.auth only, never in addresses or texts");
  }

  @Test
  void aDiagnosisMayNotNameASecret() {
    List<Diagnosis> leaking = List.of(new Diagnosis("credentials_rejected", null, "rejected {token}",
        new Remediation(Optional.of("two"), "new token")), DIAGNOSES.get(1));

    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"), "orders",
            new Remediation(Optional.of("two"), "x"), leaking))
        .hasMessage("diagnoses[0].message names the secret field token; secrets may appear in"
            + " http.headers and http.auth only, never in addresses or texts");
  }

  @Test
  void aTemplateMayNameRequiredFieldsOnly() {
    Field optionalRegion = new Field("region", "Region", FieldKind.TEXT, false, "help", null, null, null, null, null,
        null, null, null, null, null);

    assertThatThrownBy(() -> new ConnectorDescriptor(ConnectorDescriptor.FORMAT, "shop", "Shop", "A shop.", GUIDE,
            List.of(API, TOKEN, optionalRegion), null,
            new Http("{api.origin}/a/{region}/", List.of("api.example"), null, headers("Bearer {token}"), null, null, null),
            null, new CredentialsCheck(null, "me", null, null),
            new Identity("account", Map.of("name", "/name"), null, "{account.name}"),
            List.of(), null, Optional.of(new Remediation(Optional.of("two"), "x")), null, DIAGNOSES))
        .hasMessage("http.baseUrl names the optional field region; a template may name required fields (or fields"
            + " with a defaultValue) only, since it needs a value every time");
  }

  @Test
  void aPartMustExistOnTheField() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.store}/", headers("Bearer {token}"), "orders",
            new Remediation(Optional.of("two"), "x")))
        .hasMessageContaining("http.baseUrl names {api.store}, which is not one of fields api parts"
            + " [origin, scheme, host, port, account]");
  }

  @Test
  void theBaseUrlMustStartAtAnAllowedHostOrAUrlFieldsOrigin() {
    assertThatThrownBy(() -> descriptor("https://evil.example/", headers("Bearer {token}"), "orders",
            new Remediation(Optional.of("two"), "x")))
        .hasMessageContaining("http.baseUrl's host evil.example is not in http.allowedHosts [api.example]");
    assertThatThrownBy(() -> descriptor("{api.account}/", headers("Bearer {token}"), "orders", new Remediation(Optional.of("two"), "x")))
        .hasMessageContaining("http.baseUrl must start with https://HOST/, or with {field} or {field.origin} of a url"
            + " field");
  }

  @Test
  void aGuideStepMustExist() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"), "orders",
            new Remediation(Optional.of("three"), "x")))
        .hasMessage("scopeRemediation.guideStep names no guide step three (steps: one, two)");
  }

  @Test
  void aProbeMayNameAnAccountValueTheIdentityTakes() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"),
            "channels/{account.channel}/listings", new Remediation(Optional.of("two"), "x")))
        .hasMessageContaining("names {account.channel}, which is not one of identity.values [name]");
  }

  private static Map<String, String> headers(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization);
    return headers;
  }

  private static ConnectorDescriptor descriptor(String baseUrl, Map<String, String> headers, String probePath,
      Remediation scopeRemediation) {
    return descriptor(baseUrl, headers, probePath, scopeRemediation, DIAGNOSES);
  }

  private static ConnectorDescriptor descriptor(String baseUrl, Map<String, String> headers, String probePath,
      Remediation scopeRemediation, List<Diagnosis> diagnoses) {
    return new ConnectorDescriptor(ConnectorDescriptor.FORMAT, "shop", "Shop", "A shop.", GUIDE, List.of(API, TOKEN),
        null, new Http(baseUrl, List.of("api.example"), null, headers, null, null, null),
        null, new CredentialsCheck(null, "me", null, null),
        new Identity("account", Map.of("name", "/name"), null, "{account.name}"),
        List.of(new Scope("Orders", "Read", "orders_read", Optional.of(new Probe(probePath, List.of(200))), null)),
        null, Optional.of(scopeRemediation), null, diagnoses);
  }
}
