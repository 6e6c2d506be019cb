package dev.plugboard.web;

import static dev.plugboard.web.testing.ServerSentEvents.named;
import static dev.plugboard.web.testing.ServerSentEvents.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.web.testing.ConnectSite;
import dev.plugboard.web.testing.PageClient;
import dev.plugboard.web.testing.ServerSentEvents;
import dev.plugboard.web.testing.ServerSentEvents.Event;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Verify and Connect as the page's script sees them: server-sent events, then the CLI's report. */
final class LiveResultsTest {

  @RegisterExtension static final ConnectSite site = new ConnectSite();

  @Test
  void verifyTellsEachScopeWithTheRemediationAndGuideStepOfTheMissingOnesThenTheReport() {
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.builder()
        .grant(granted("Orders", "Products")).build())) {
      HttpResponse<String> answer = post("verify", sandbox.values(), null);

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
      List<Event> events = ServerSentEvents.parse(answer.body());
      assertThat(names(events).get(0)).isEqualTo("started");
      assertThat(names(events).subList(events.size() - 2, events.size())).containsExactly("summary", "report");
      assertThat(named(events, "phase")).extracting(e -> e.json().get("phase").asString())
          .contains("format", "credentials", "identity", "scopes");
      List<JsonNode> missing = named(events, "scope").stream().map(Event::json)
          .filter(scope -> scope.get("status").asString().equals("missing")).toList();
      assertThat(missing).extracting(scope -> scope.get("name").asString()).containsOnly("Orders", "Products");
      assertThat(missing).allSatisfy(scope -> {
        assertThat(scope.get("remediation").asString()).contains("OAuth Scopes", "Read-only");
        assertThat(scope.get("step").get("id").asString()).isEqualTo("set-oauth-scopes");
        assertThat(scope.get("step").get("number").asInt()).isEqualTo(6);
      });
      JsonNode summary = named(events, "summary").get(0).json();
      assertThat(summary.get("status").asString()).isEqualTo("failed");
    }
  }

  @Test
  void theLastEventIsTheDocumentVerifyJsonPrints() {
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.builder()
        .grant(granted("Orders")).build())) {
      List<Event> events = ServerSentEvents.parse(post("verify", sandbox.values(), null).body());
      VerificationReport direct = site.plugboard().verify("bigcommerce", sandbox.values());

      JsonNode streamed = events.get(events.size() - 1).json();
      JsonNode printed = JsonMapper.builder().build().readTree(direct.toJson());
      assertThat(withoutTimes(streamed)).isEqualTo(withoutTimes(printed));
      assertThat(streamed.propertyNames()).contains("connector", "status", "account", "fields", "scopes", "problems");
    }
  }

  @Test
  void connectStoresTheConnectionAndTellsWhichAccountItReaches() {
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.defaults())) {
      List<Event> events = ServerSentEvents.parse(post("connect", sandbox.values(), "shop/live-results").body());

      assertThat(names(events)).last().isEqualTo("connected");
      JsonNode connected = events.get(events.size() - 1).json();
      assertThat(connected.get("name").asString()).isEqualTo("shop/live-results");
      assertThat(connected.get("account").asString()).isEqualTo("Acceptance Outfitters (acceptance-outfitters.example)");
      assertThat(site.plugboard().connections().find("shop/live-results")).isPresent();
      assertThat(site.connected()).extracting(Connected::name).contains("shop/live-results");
    }
  }

  @Test
  void connectThatDoesNotVerifyStoresNothing() {
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.builder()
        .grant(granted("Customers")).build())) {
      List<Event> events = ServerSentEvents.parse(post("connect", sandbox.values(), "shop/not-kept").body());

      assertThat(names(events)).doesNotContain("connected").last().isEqualTo("report");
      assertThat(site.plugboard().connections().find("shop/not-kept")).isEmpty();
    }
  }

  @Test
  void malformedValuesAreToldAsAnInvalidReportWithNothingSent() {
    List<Event> events = ServerSentEvents.parse(post("verify", Map.of("api_path", "https://example.com/x"), null).body());

    JsonNode report = events.get(events.size() - 1).json();
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(named(events, "scope")).allSatisfy(e -> assertThat(e.json().get("status").asString()).isEqualTo("skipped"));
  }

  @Test
  void aNameThatBreaksTheRulesIsRefusedBeforeAnythingRuns() {
    HttpResponse<String> answer = post("connect", Map.of(), "Bad Name!");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).startsWith("{\"error\":");
  }

  private static HttpResponse<String> post(String action, Map<String, String> values, String name) {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    return client.postJson("/connectors/bigcommerce/" + action, PageClient.valuesJson(values, name));
  }

  private static List<String> granted(String... withheld) {
    return site.scopesBut("bigcommerce", withheld);
  }

  /** The report without what differs between two runs: when it ran, and how long each call took. */
  private static JsonNode withoutTimes(JsonNode report) {
    ObjectNode copy = (ObjectNode) report.deepCopy();
    copy.remove("checkedAt");
    copy.findParents("millis").forEach(parent -> ((ObjectNode) parent).remove("millis"));
    return copy;
  }
}
