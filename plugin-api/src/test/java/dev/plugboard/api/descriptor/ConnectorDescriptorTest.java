package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks that span records: a descriptor is refused as a whole, with the place named. */
final class ConnectorDescriptorTest {

  private static final Field API = new Field("api", "API", FieldKind.URL, true, "help", null, "^/a/([a-z]+)$",
      "words", List.of("account"), null, 1, List.of("API"), null);
  private static final Field TOKEN = new Field("token", "Token", FieldKind.SECRET, true, "help", null, null, null,
      null, null, 2, List.of("TOKEN"), null);
  private static final Guide GUIDE = new Guide("Set up", List.of(new GuideStep("One", "Do one."),
      new GuideStep("Two", "Do two.")));
  private static final Diagnoses DIAGNOSES = new Diagnoses(
      new Diagnosis("rejected", new Remediation(2, "new token")), new Diagnosis("mismatch", new Remediation(1, "x")));

  @Test
  void aValidDescriptorIsBuilt() {
    ConnectorDescriptor descriptor = descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"),
        "orders?limit=1", new Remediation(2, "Grant {scope.name}: {scope.permission}"));

    assertThat(descriptor.field("token")).contains(TOKEN);
    assertThat(descriptor.remediationFor(descriptor.scopes().get(0)).guideStep()).isEqualTo(2);
  }

  @Test
  void aSecretMayOnlyAppearInHeaders() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"),
            "orders?token={token}", new Remediation(2, "x")))
        .hasMessage("scopes[0].probe.path names the secret field token; secrets may appear in http.headers only,"
            + " never in addresses or texts");
  }

  @Test
  void aDiagnosisMayNotNameASecret() {
    Diagnoses leaking = new Diagnoses(new Diagnosis("rejected {token}", new Remediation(2, "new token")),
        DIAGNOSES.allScopesForbidden());

    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"), "orders",
            new Remediation(2, "x"), leaking))
        .hasMessage("diagnoses.rejectedCredentials.message names the secret field token; secrets may appear in"
            + " http.headers only, never in addresses or texts");
  }

  @Test
  void aTemplateMayNameRequiredFieldsOnly() {
    Field optionalRegion = new Field("region", "Region", FieldKind.TEXT, false, "help", null, null, null, null, null,
        null, null, null);

    assertThatThrownBy(() -> new ConnectorDescriptor("shop", "Shop", "A shop.", GUIDE, List.of(API, TOKEN, optionalRegion),
            null, new Http("{api.origin}/a/{region}/", List.of("api.example"), headers("Bearer {token}"), null, null),
            new CredentialsCheck(null, "me"),
            new Identity(null, "account", Map.of("name", "/name"), null, "{account.name}"),
            List.of(), new Remediation(2, "x"), DIAGNOSES))
        .hasMessage("http.baseUrl names the optional field region; a template may name required fields only,"
            + " since it needs a value every time");
  }

  @Test
  void aPartMustExistOnTheField() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.store}/", headers("Bearer {token}"), "orders",
            new Remediation(2, "x")))
        .hasMessageContaining("http.baseUrl names {api.store}, which is not one of fields api parts"
            + " [origin, scheme, host, port, account]");
  }

  @Test
  void theBaseUrlMustStartAtAnAllowedHostOrAUrlFieldsOrigin() {
    assertThatThrownBy(() -> descriptor("https://evil.example/", headers("Bearer {token}"), "orders",
            new Remediation(2, "x")))
        .hasMessageContaining("http.baseUrl's host evil.example is not in http.allowedHosts [api.example]");
    assertThatThrownBy(() -> descriptor("{api.account}/", headers("Bearer {token}"), "orders", new Remediation(2, "x")))
        .hasMessageContaining("http.baseUrl must start with https://HOST/ or with {field.origin} of a url field");
  }

  @Test
  void aGuideStepMustExist() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"), "orders",
            new Remediation(3, "x")))
        .hasMessage("scopeRemediation.guideStep is 3 but the guide has 2 steps");
  }

  @Test
  void aProbeMayNameAnAccountValueTheIdentityTakes() {
    assertThatThrownBy(() -> descriptor("{api.origin}/a/{api.account}/", headers("Bearer {token}"),
            "channels/{account.channel}/listings", new Remediation(2, "x")))
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
      Remediation scopeRemediation, Diagnoses diagnoses) {
    return new ConnectorDescriptor("shop", "Shop", "A shop.", GUIDE, List.of(API, TOKEN), null,
        new Http(baseUrl, List.of("api.example"), headers, null, null),
        new CredentialsCheck(null, "me"),
        new Identity(null, "account", Map.of("name", "/name"), null, "{account.name}"),
        List.of(new Scope("Orders", "Read", "orders_read", new Probe(null, probePath, List.of(200), null), null)),
        scopeRemediation, diagnoses);
  }
}
