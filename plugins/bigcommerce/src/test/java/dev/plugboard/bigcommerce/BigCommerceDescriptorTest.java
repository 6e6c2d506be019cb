package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Remediation;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BigCommerce plugin, built as a jar and loaded by the real host, says what the setup guide says. */
final class BigCommerceDescriptorTest {

  @TempDir Path plugins;
  private Plugboard plugboard;
  private ConnectorDescriptor bigcommerce;

  @BeforeEach
  void load() {
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins);
    plugboard = Plugboard.builder().pluginsDir(plugins).build();
    bigcommerce = plugboard.describe("bigcommerce");
  }

  @AfterEach
  void close() {
    plugboard.close();
  }

  @Test
  void loadsWithoutProblems() {
    assertThat(plugboard.plugins()).singleElement()
        .satisfies(plugin -> assertThat(plugin.state()).as(plugin.problem()).isEqualTo(PluginStatus.State.LOADED));
  }

  @Test
  void asksForTheFourValuesOfAStoreApiAccount() {
    assertThat(bigcommerce.fields())
        .extracting(Field::id, Field::label, Field::kind, Field::required, Field::fileLabels)
        .containsExactly(
            tuple("api_path", "API Path", FieldKind.URL, true, java.util.List.of("API PATH")),
            tuple("access_token", "Access Token", FieldKind.SECRET, true, java.util.List.of("ACCESS TOKEN")),
            tuple("client_id", "Client ID", FieldKind.TEXT, true, java.util.List.of("CLIENT ID")),
            tuple("client_secret", "Client Secret", FieldKind.SECRET, true, java.util.List.of("CLIENT SECRET")));
    assertThat(bigcommerce.field("api_path").orElseThrow().parts()).containsExactly("store_hash");
  }

  @Test
  void namesTheThirteenScopesExactlyAsTheSetupGuideDoesAllReadOnly() {
    assertThat(bigcommerce.scopes())
        .extracting(Scope::name, Scope::permission, Scope::id)
        .containsExactly(
            tuple("Content", "Read-only", "store_v2_content_read_only"),
            tuple("Customers", "Read-only", "store_v2_customers_read_only"),
            tuple("Information & Settings", "Read-only", "store_v2_information_read_only"),
            tuple("Marketing", "Read-only", "store_v2_marketing_read_only"),
            tuple("Orders", "Read-only", "store_v2_orders_read_only"),
            tuple("Order Transactions", "Read-only", "store_v2_transactions_read_only"),
            tuple("Get Payment Methods", "Read-only", "store_payments_methods_read"),
            tuple("Products", "Read-only", "store_v2_products_read_only"),
            tuple("Checkouts", "Read-only", "store_checkout_read_only"),
            tuple("Sites & Routes", "Read-only", "store_sites_read_only"),
            tuple("Channel Settings", "Read-only", "store_channel_settings_read_only"),
            tuple("Channel Listings", "Read-only", "store_channel_listings_read_only"),
            tuple("Store Inventory", "Read-only", "store_inventory_read_only"));
  }

  @Test
  void theGuideWalksThroughCreatingTheApiAccountInOrder() {
    assertThat(bigcommerce.guide().steps()).extracting(GuideStep::text).containsSubsequence(
        "Sign in to your store's control panel as the store owner (or a user allowed to manage API accounts) and go"
            + " to Settings → API Accounts.",
        "Click Create API account.",
        "In Name, type a name you will recognise later, such as Plugboard.",
        "Set Token type to V2/V3 API token.");
    String scopesStep = bigcommerce.guide().step(bigcommerce.scopeRemediation().flatMap(Remediation::guideStep).orElseThrow()).orElseThrow().text();
    bigcommerce.scopes().forEach(scope -> assertThat(scopesStep).contains(scope.name()));
    assertThat(scopesStep).contains("Read-only", "Leave every other scope at None.");
    assertThat(bigcommerce.guide().step(bigcommerce.field("access_token").orElseThrow().guideStep().orElseThrow()).orElseThrow().text())
        .contains("Access Token, Client ID and Client Secret", "shown once only", ".txt file");
    assertThat(bigcommerce.guide().step(bigcommerce.field("api_path").orElseThrow().guideStep().orElseThrow()).orElseThrow().title())
        .isEqualTo("Copy the API Path");
  }

  @Test
  void describePrintsEverythingAStoreOwnerNeeds() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "bigcommerce").run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Setup guide: Create a Store API account in BigCommerce", "8. Copy the credentials",
        "API Path (api_path): url, required; found at guide step 5",
        "Access Token (access_token): secret, required; found at guide step 8",
        "Scopes to grant (guide step 6):");
    bigcommerce.scopes().forEach(scope -> assertThat(result.out().lines())
        .anyMatch(line -> line.matches("\\s+" + java.util.regex.Pattern.quote(scope.name()) + "\\s+Read-only\\s+"
            + scope.id())));
  }
}
