package dev.plugboard.woocommerce;

import static dev.plugboard.woocommerce.WooCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** {@code plugboard form woocommerce}: the form drawn from the descriptor alone, as for BigCommerce. */
final class WooCommerceFormTest {

  @RegisterExtension static final WooCommerceCli cli = new WooCommerceCli();

  @Test
  void theJsonSchemaAsksForTheThreeValuesWithTheirPatternsAndMarksBothKeysWriteOnly() {
    CliRun.Result result = cli.run("form", "woocommerce", "--format", "json-schema");

    assertThat(result.exitCode()).as(result.all()).isZero();
    JsonNode schema = json(result.out());
    assertThat(schema.get("title").asString()).isEqualTo("WooCommerce");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    assertThat(schema.get("properties").propertyNames()).containsExactly("store_url", "consumer_key", "consumer_secret");
    assertThat(schema.get("required").valueStream().map(JsonNode::asString))
        .containsExactly("store_url", "consumer_key", "consumer_secret");
    JsonNode properties = schema.get("properties");
    assertThat(properties.get("store_url").get("description").asString()).contains("OAuth 1.0a");
    assertThat(properties.get("consumer_key").get("writeOnly").asBoolean()).isTrue();
    assertThat(properties.get("consumer_secret").get("writeOnly").asBoolean()).isTrue();
    assertThat(properties.get("consumer_key").get("pattern").asString()).contains("ck_[0-9a-f]{40}");
    assertThat(properties.get("consumer_secret").get("examples").get(0).asString()).startsWith("cs_");
  }

  @Test
  void theFormModelNamesEachFieldsGuideStep() {
    CliRun.Result result = cli.run("form", "woocommerce", "--format", "json");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("store_url", "consumer_key", "consumer_secret", "Copy the keys",
        "Find your store's address");
  }
}
