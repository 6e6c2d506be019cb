package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, as a new user first runs it: verify against the sandbox, with no terminal. */
final class SandboxVerifyIT {

  private static final List<String> SCOPES = List.of("Content", "Customers", "Information & Settings", "Marketing",
      "Orders", "Order Transactions", "Get Payment Methods", "Products", "Checkouts", "Sites & Routes",
      "Channel Settings", "Channel Listings", "Store Inventory");

  @TempDir Path folder;

  @Test
  void verifyingTheSandboxConnectsToItsStoreWithEveryScopeGranted() {
    Launcher.Result result = Launcher.plugboard("--home", home().toString(), "verify", "bigcommerce", "--sandbox").go();

    assertThat(result.exitCode()).as(result.transcript()).isZero();
    assertThat(result.out()).contains("Connected to Acceptance Outfitters", "all 13 scopes granted",
        "Result: verified: every scope is granted (exit 0)");
    assertThat(Pattern.compile("^  granted ", Pattern.MULTILINE).matcher(result.out()).results().count()).isEqualTo(13);
    assertThat(result.err()).contains("using the bigcommerce sandbox on 127.0.0.1:");
    assertThat(home()).as("verify stores nothing").doesNotExist();
  }

  @Test
  void aSandboxTokenLackingTwoScopesFailsNamingEachAndTheSettingThatGrantsIt() {
    String granted = String.join(",", SCOPES.stream().filter(s -> !s.equals("Orders") && !s.equals("Checkouts")).toList());

    Launcher.Result result = Launcher.plugboard("--home", home().toString(), "verify", "bigcommerce", "--sandbox",
        "--sandbox-scopes", granted).go();

    assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
    assertThat(result.out()).contains("Connected to Acceptance Outfitters", "2 of 13 scopes missing: Orders, Checkouts",
        "In BigCommerce: Settings → API Accounts → your API account → OAuth Scopes → Orders: Read-only, then Save.",
        "In BigCommerce: Settings → API Accounts → your API account → OAuth Scopes → Checkouts: Read-only, then Save.",
        "Result: failed: 2 of 13 scopes missing (exit 1)");
    assertThat(Pattern.compile("^  missing ", Pattern.MULTILINE).matcher(result.out()).results().count()).isEqualTo(2);
  }

  private Path home() {
    return folder.resolve("home");
  }
}
