package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.EmbeddedSandbox;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the embedded API: a connection made against a sandbox this host runs is kept marked as
 * one, and is verified again against the sandbox started afresh, with the same made-up account.
 */
final class BigCommerceSandboxConnectionTest {

  private static final String NAME = "bigcommerce/acceptance-outfitters";
  private static final String ACCOUNT = "Acceptance Outfitters (acceptance-outfitters.example)";

  @TempDir Path pluginsDir;
  @TempDir Path home;
  @TempDir Path otherHome;

  @BeforeEach
  void installTheBigCommercePlugin() {
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(pluginsDir);
  }

  @Test
  void aSandboxConnectionIsVerifiedAgainAgainstItsSandboxStartedAfreshOnceTheFirstIsGone() {
    try (Plugboard plugboard = plugboard()) {
      Map<String, String> first;
      try (SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
        first = sandbox.values();
        Connection kept = plugboard.connect("bigcommerce", first).connection().orElseThrow();
        assertThat(kept.sandbox()).contains(SandboxAccount.ALL_SCOPES);
      }

      VerificationReport again = plugboard.verifyConnection(NAME);

      assertThat(again.status()).as(again.problems().toString()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(again.account().display()).isEqualTo(ACCOUNT);
      Connection recorded = plugboard.connections().get(NAME);
      assertThat(recorded.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(recorded.account().display()).isEqualTo(ACCOUNT);
      assertThat(recorded.sandbox()).contains(SandboxAccount.ALL_SCOPES);
      assertThat(recorded.values().get("api_path")).as("the new sandbox's address")
          .startsWith("http://127.0.0.1:").isNotEqualTo(first.get("api_path"));
      assertThat(recorded.values().get("access_token")).as("the new sandbox's token").isNotEqualTo(first.get("access_token"));
    }
    try (Plugboard reopened = plugboard()) {
      assertThat(reopened.connections().get(NAME).sandbox()).as("the mark is kept in the store")
          .contains(SandboxAccount.ALL_SCOPES);
      assertThat(reopened.verifyConnection(NAME).status()).isEqualTo(VerificationReport.Status.VERIFIED);
    }
  }

  @Test
  void theScopesItsSandboxGrantedAreTheOnesGrantedAgain() {
    try (Plugboard plugboard = plugboard()) {
      try (SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
        plugboard.connect("bigcommerce", sandbox.values());
      }
      plugboard.connections().update(NAME, kept -> kept.map(c -> c.withSandbox(Optional.of(new SandboxAccount(Set.of("Orders"))))));

      VerificationReport again = plugboard.verifyConnection(NAME);

      assertThat(again.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(again.scopes()).filteredOn(scope -> scope.status() == ScopeCheck.Status.GRANTED)
          .extracting(ScopeCheck::name).containsExactly("Orders");
      assertThat(plugboard.connections().get(NAME).sandbox()).contains(new SandboxAccount(Set.of("Orders")));
    }
  }

  @Test
  void aScheduledVerificationOfASandboxConnectionStartsTheSandboxToo() {
    Instant next = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    try (Plugboard plugboard = plugboard()) {
      try (SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
        plugboard.connect("bigcommerce", sandbox.values());
      }

      VerificationReport again = plugboard.verifyConnection("default", NAME, next);

      assertThat(again.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(plugboard.connections().get(NAME).nextCheckAt()).contains(next);
    }
  }

  @Test
  void valuesThatReachNoSandboxOfThisHostMakeAConnectionToThePlatform() {
    try (EmbeddedSandbox elsewhere = EmbeddedSandbox.start("bigcommerce", pluginsDir, otherHome, SandboxOptions.defaults());
        Plugboard plugboard = Plugboard.builder().pluginsDir(pluginsDir).home(home).allowHost(elsewhere.address()).build()) {
      Connection kept = plugboard.connect("bigcommerce", elsewhere.values()).connection().orElseThrow();

      assertThat(kept.sandbox()).isEmpty();
      assertThat(plugboard.connections().get(NAME).sandbox()).isEmpty();
      VerificationReport again = plugboard.verifyConnection(NAME);
      assertThat(again.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(plugboard.connections().get(NAME).values()).as("verified with its own values")
          .isEqualTo(kept.values());
    }
  }

  private Plugboard plugboard() {
    return Plugboard.builder().pluginsDir(pluginsDir).home(home).build();
  }
}
