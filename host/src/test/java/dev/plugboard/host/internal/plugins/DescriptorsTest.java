package dev.plugboard.host.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.testing.TestDescriptors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plugin author's descriptor file, read as the host reads it: every defect at once, each at its place. */
final class DescriptorsTest {

  /** The minimal test connector in format 1.1; line numbers below count from its first line. */
  static final String MINIMAL_11 = """
      format: '1.1'
      id: minimal
      name: Minimal
      summary: A connector for tests.
      guide:
        title: Create a token
        steps:
          - id: open-settings
            title: Open settings
            text: Open Settings → Tokens.
          - id: create-token
            title: Create the token
            text: Click Create token and copy it.
      fields:
        - id: api_url
          label: API URL
          kind: url
          help: The API address.
          example: https://api.minimal.example/accounts/acme/
          pattern: '^/accounts/([a-z]+)/?$'
          parts: [account]
          patternHint: https://api.minimal.example/accounts/ then your account name
          guideStep: open-settings
        - id: token
          label: Token
          kind: secret
          help: The token you created.
          pattern: '^[a-z0-9]{8,64}$'
          patternHint: 8 to 64 lowercase letters and digits
          guideStep: create-token
      http:
        baseUrl: '{api_url.origin}/accounts/{api_url.account}/'
        allowedHosts: [api.minimal.example]
        headers:
          Authorization: 'Bearer {token}'
      credentials:
        path: me
      identity:
        path: account
        values:
          name: /name
        display: '{account.name}'
      scopeRemediation:
        guideStep: create-token
        text: 'Give the token {scope.name}: {scope.permission}.'
      scopes:
        - name: Orders
          permission: Read
          id: orders_read
          probe: {path: 'orders?limit=1', granted: [200]}
      diagnoses:
        - id: credentials_rejected
          message: The token was rejected.
          remediation: {guideStep: create-token, text: Create a new token.}
      """;

  private static List<String> defects(String text) {
    return Descriptors.defects("connector.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFormat11DescriptorOfTheseTestsLoads() {
    assertThat(defects(MINIMAL_11)).isEmpty();
    ConnectorDescriptor descriptor = Descriptors.parse("connector.yaml", MINIMAL_11);
    assertThat(descriptor.field("token").orElseThrow().guideStep().orElseThrow()).isEqualTo("create-token");
  }

  @Test
  void theOwnDomainStoreDescriptorOfTheTestsLoads() {
    assertThat(defects(TestDescriptors.ownDomainStore())).isEmpty();
  }

  @Test
  void aFormat10DescriptorWithoutAFormatKeyStillLoadsWithItsStepNumbersAsIds() {
    ConnectorDescriptor descriptor = Descriptors.parse("connector.yaml", TestDescriptors.minimal("old"));

    assertThat(descriptor.id()).isEqualTo("old");
    assertThat(descriptor.guide().number(descriptor.field("token").orElseThrow().guideStep().orElseThrow())).isEqualTo(2);
    assertThat(descriptor.diagnoses()).hasSize(2);
  }

  @Test
  void aBadGuideStepIsReportedAtItsOwnLineNotAtTheEndOfTheFile() {
    List<String> defects = defects(MINIMAL_11.replace("    guideStep: open-settings\n", "    guideStep: open-setings\n"));

    assertThat(defects).hasSize(1);
    assertThat(defects.get(0)).contains("open-setings").contains("line 23, column");
  }

  @Test
  void anUnknownGuideStepIdIsRefusedNamingTheKnownIds() {
    List<String> defects = defects(MINIMAL_11.replace("    guideStep: create-token\nhttp:", "    guideStep: copy-token\nhttp:"));

    assertThat(defects).singleElement().satisfies(defect -> assertThat(defect)
        .contains("copy-token").contains("open-settings").contains("create-token").contains("line 30, column"));
  }

  @Test
  void everyDefectOfAFileIsReportedAtOnceEachAtItsTrueLineAndColumn() {
    String broken = MINIMAL_11
        .replace("    guideStep: create-token\nhttp:", "    guideStep: copy-token\nhttp:")   // line 30
        .replace("    pattern: '^[a-z0-9]{8,64}$'", "    pattern: '^[a-z0-9]{8,64$'")       // line 28
        .replace("  path: me\n", "  path: me\n  colour: blue\n");                           // line 38

    List<String> defects = defects(broken);

    assertThat(defects).hasSize(3);
    assertThat(defects).anySatisfy(defect -> assertThat(defect).contains("copy-token").contains("line 30, column"));
    assertThat(defects).anySatisfy(defect -> assertThat(defect).contains("pattern").contains("line 28, column"));
    assertThat(defects).anySatisfy(defect -> assertThat(defect).contains("colour").contains("line 38, column 3"));
  }

  @Test
  void aNewerFormatIsRefusedAsNeedingANewerHostNotAsUnknownKeys() {
    List<String> defects = defects(MINIMAL_11.replace("format: '1.1'", "format: '1.4'")
        .replace("  path: me\n", "  path: me\n  retries: 3\n"));

    assertThat(defects).singleElement().satisfies(defect -> {
      assertThat(defect).contains("needs Plugboard plugin-api >= 1.4.0");
      assertThat(defect).doesNotContain("unknown key");
    });
    assertThatThrownBy(() -> Descriptors.parse("connector.yaml", MINIMAL_11.replace("format: '1.1'", "format: '2.0'")))
        .isInstanceOf(PlugboardException.class).hasMessageContaining("needs Plugboard plugin-api >= 2.0.0");
  }

  @Test
  void aFormat11FileUsingWhatFormat13AddedIsToldToSaySo() {
    List<String> defects = defects(MINIMAL_11.replace("http:\n", "http:\n  rateLimit:\n    burst: 10\n"));

    assertThat(defects).singleElement().satisfies(defect -> assertThat(defect)
        .contains("http.rateLimit.burst is new in format 1.3, but the file says format '1.1': write format: '1.3'"));
    assertThat(defects(MINIMAL_11.replace("format: '1.1'", "format: '1.3'")
        .replace("http:\n", "http:\n  rateLimit:\n    burst: 10\n"))).isEmpty();
  }

  @Test
  void aFormatNumberNoPluginApiIntroducedIsNotADescriptorFormat() {
    assertThat(defects(MINIMAL_11.replace("format: '1.1'", "format: '1.2'"))).singleElement()
        .satisfies(defect -> assertThat(defect).contains("format 1.2 is not a descriptor format")
            .contains("this host reads 1.0, 1.1 and 1.3"));
  }
}
