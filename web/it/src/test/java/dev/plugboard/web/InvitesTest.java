package dev.plugboard.web;

import static dev.plugboard.web.testing.ServerSentEvents.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.web.testing.ConnectSite;
import dev.plugboard.web.testing.PageClient;
import dev.plugboard.web.testing.ServerSentEvents;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One-time links: opened as often as wanted, spent only by the request that stores the connection. */
final class InvitesTest {

  @RegisterExtension static final ConnectSite site = new ConnectSite();

  @Test
  void theLinkIsTheMountedPagesThenInvitesThenA256BitToken() {
    Invites.Created created = invite("shop/link-shape");

    URI link = created.link(URI.create("https://books.example/connect"));
    assertThat(link.toString()).matches("https://books\\.example/connect/invites/[A-Za-z0-9_-]{43}");
    assertThat(created.toString()).doesNotContain(created.token());
  }

  @Test
  void openingTheLinkShowsTheConnectorsPageAndNeverSpendsIt() {
    Invites.Created created = invite("shop/preview");
    PageClient client = new PageClient(site);

    HttpResponse<String> first = client.get(path(created));
    HttpResponse<String> again = client.get(path(created));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("<h1>Connect BigCommerce</h1>", "You were sent this link to connect your BigCommerce store",
        "data-address=\"/connect/invites/" + created.token() + "\"", "href=\"/connect/invites/assets/connect.css\"")
        .doesNotContain("connection-name", "href=\"/connect/\"");
    assertThat(state(created)).isEqualTo(Invite.State.OPEN);
    assertThat(site.invites().list()).filteredOn(i -> i.id().equals(created.invite().id()))
        .singleElement().satisfies(i -> assertThat(i.verifications()).isZero());
  }

  @Test
  void connectingThroughTheLinkKeepsTheConnectionUnderItsNameSpendsItAndTellsTheApplication() {
    Invites.Created created = invite("shop/invited");
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.defaults())) {
      PageClient client = new PageClient(site);
      client.get(path(created));
      HttpResponse<String> answer = client.postJson(path(created) + "/connect",
          PageClient.valuesJson(sandbox.values(), "ignored/name"));

      assertThat(names(ServerSentEvents.parse(answer.body()))).last().isEqualTo("connected");
    }
    assertThat(site.plugboard().connections().find("shop/invited")).isPresent();
    assertThat(site.plugboard().connections().find("ignored/name")).isEmpty();
    assertThat(state(created)).isEqualTo(Invite.State.SPENT);
    assertThat(site.invites().list()).filteredOn(i -> i.id().equals(created.invite().id())).singleElement()
        .satisfies(i -> assertThat(i.connection()).hasValue("shop/invited"));
    assertThat(site.connected()).filteredOn(c -> c.invite().isPresent())
        .anySatisfy(c -> assertThat(c.invite()).hasValue(created.invite().id()));
  }

  @Test
  void aSpentLinkShowsAPageSayingSoAndWhomToAskAndConnectsNothingMore() {
    Invites.Created created = invite("shop/spent");
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.defaults())) {
      PageClient client = new PageClient(site);
      client.get(path(created));
      client.postJson(path(created) + "/connect", PageClient.valuesJson(sandbox.values(), null));

      HttpResponse<String> page = client.get(path(created));
      HttpResponse<String> again = client.postJson(path(created) + "/connect",
          PageClient.valuesJson(sandbox.values(), null));

      assertThat(page.statusCode()).isEqualTo(410);
      assertThat(page.body()).contains("This link has been used", "tell whoever sent you the link at once")
          .doesNotContain("connect-form");
      assertThat(again.statusCode()).isEqualTo(410);
    }
  }

  @Test
  void aVerificationThatFailsDoesNotSpendTheLink() {
    Invites.Created created = invite("shop/not-yet");
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.builder()
        .grant(site.scopesBut("bigcommerce", "Orders")).build())) {
      PageClient client = new PageClient(site);
      client.get(path(created));
      client.postJson(path(created) + "/connect", PageClient.valuesJson(sandbox.values(), null));
    }
    assertThat(state(created)).isEqualTo(Invite.State.OPEN);
  }

  @Test
  void anExpiredLinkShowsAPageSayingWhenItExpired() {
    Invites.Created created = invite("shop/late");
    site.clock().advance(Duration.ofHours(2));

    HttpResponse<String> page = new PageClient(site).get(path(created));

    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.body()).contains("This link has expired", "Ask whoever sent it to you for a new link.");
  }

  @Test
  void anUnknownLinkShowsAPageSayingSo() {
    HttpResponse<String> page = new PageClient(site).get("/invites/" + "x".repeat(43));

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("This link is not known", "Ask whoever sent it to you for a new link.");
  }

  @Test
  void aLinkAllowsABoundedNumberOfVerifications() {
    Invites.Created created = invite("shop/bounded");
    PageClient client = new PageClient(site);
    client.get(path(created));
    for (int i = 0; i < Invites.MAX_VERIFICATIONS; i++) {
      assertThat(client.postJson(path(created) + "/verify", "{\"values\":{}}").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = client.postJson(path(created) + "/verify", "{\"values\":{}}");

    assertThat(refused.statusCode()).isEqualTo(410);
    assertThat(refused.body()).contains("used for 10 checks");
    assertThat(state(created)).isEqualTo(Invite.State.USED_UP);
  }

  @Test
  void onlyAHashOfTheTokenIsKeptInTheHomeFolder() throws Exception {
    Invites.Created created = invite("shop/hashed");

    String kept = Files.readString(site.folder().resolve("home").resolve("invites.json"));
    assertThat(kept).doesNotContain(created.token()).contains(Invites.hash(created.token()));
  }

  @Test
  void anInviteOutlivingThirtyDaysOrWithABadNameIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.invites().create(
        site.plugboard().describe("bigcommerce"), null, Duration.ofDays(31))).hasMessageContaining("at most 30 days");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.invites().create(
        site.plugboard().describe("bigcommerce"), "Not Valid", Duration.ofHours(1))).isInstanceOf(RuntimeException.class);
  }

  private static Invites.Created invite(String name) {
    return site.invites().create(site.plugboard().describe("bigcommerce"), name, Duration.ofHours(1));
  }

  private static String path(Invites.Created created) {
    return "/invites/" + created.token();
  }

  private static Invite.State state(Invites.Created created) {
    return site.invites().list().stream().filter(i -> i.id().equals(created.invite().id())).findFirst().orElseThrow()
        .state(site.clock().instant());
  }
}
