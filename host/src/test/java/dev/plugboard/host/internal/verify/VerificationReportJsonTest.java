package dev.plugboard.host.internal.verify;

import static dev.plugboard.host.internal.verify.MinimalPlatform.answering;
import static dev.plugboard.host.internal.verify.MinimalPlatform.happy;
import static dev.plugboard.host.internal.verify.MinimalPlatform.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.json.Mappers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The report as {@code verify --json} prints it: DESIGN.md's keys, lowercase statuses, never a secret. */
final class VerificationReportJsonTest {

  @TempDir Path plugins;
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void theDocumentHasTheContractsKeysAndLowercaseStatuses() {
    server.setDispatcher(answering(target -> target.startsWith("/accounts/acme/orders") ? status(403) : happy(target)));

    JsonNode json = Mappers.output().valueToTree(verify());

    assertThat(json.get("connector").asString()).isEqualTo("minimal");
    assertThat(json.get("status").asString()).isEqualTo("failed");
    assertThat(json.get("account").get("display").asString()).isEqualTo("Acme");
    assertThat(json.get("fields").get(0).propertyNames()).contains("id", "status", "message");
    assertThat(json.get("fields").get(0).get("status").asString()).isEqualTo("ok");
    JsonNode orders = json.get("scopes").get(0);
    assertThat(orders.propertyNames()).contains("name", "permission", "status", "evidence", "remediation");
    assertThat(orders.get("status").asString()).isEqualTo("missing");
    assertThat(orders.get("evidence").propertyNames()).contains("method", "host", "path", "status", "attempts", "millis");
    assertThat(json.get("problems").isArray()).isTrue();
    assertThat(json.get("phases").get(1).get("evidence").get(0).get("path").asString()).isEqualTo("/accounts/acme/me");
  }

  @Test
  void skippedScopesKeepTheEvidenceKeyEmpty() {
    server.setDispatcher(answering(target -> status(401)));

    JsonNode json = Mappers.output().valueToTree(verify());

    assertThat(json.get("status").asString()).isEqualTo("failed");
    for (JsonNode scope : json.get("scopes")) {
      assertThat(scope.get("status").asString()).isEqualTo("skipped");
      assertThat(scope.propertyNames()).contains("name", "permission", "status", "evidence", "remediation");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 401, 403, 429, 503})
  void noSecretReachesTheReportWhateverThePlatformAnswers(int status) {
    Function<String, MockResponse> answers = target -> target.endsWith("/me") ? happy(target)
        : status == 429 ? new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build()
        : status == 200 ? happy(target) : status(status);
    server.setDispatcher(answering(answers));

    VerificationReport report = verify();

    String json = Mappers.output().writeValueAsString(report);
    for (String text : List.of(json, report.toString())) {
      assertThat(text).doesNotContain(MinimalPlatform.TOKEN);
    }
  }

  private VerificationReport verify() {
    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      return platform.verify(platform.options().timeout(Duration.ofSeconds(3)).build());
    }
  }
}
