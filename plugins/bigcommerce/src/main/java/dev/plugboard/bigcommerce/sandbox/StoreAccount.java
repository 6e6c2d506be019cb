package dev.plugboard.bigcommerce.sandbox;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's made-up store and its Store API account, with values shaped like real ones
 * (notes §7): a lowercase store hash, a 31-character token and client id, a 64-hex secret.
 * Made fresh for every sandbox, so that no two runs share a token.
 *
 * @param storeHash the store hash in the API Path
 * @param accessToken the token every call must carry
 * @param clientId the API account's client id (BigCommerce ignores it on calls)
 * @param clientSecret the API account's secret (no call checks it)
 */
record StoreAccount(String storeHash, String accessToken, String clientId, String clientSecret) {

  static final String STORE_NAME = "Acceptance Outfitters";
  static final String DOMAIN = "acceptance-outfitters.example";

  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";

  static StoreAccount random(SecureRandom random) {
    return new StoreAccount(
        "s" + text(random, ALPHANUMERIC, 9), text(random, ALPHANUMERIC, 31), text(random, ALPHANUMERIC, 31),
        text(random, HEX, 64));
  }

  /** The values the API account's downloaded file holds, by the descriptor's field ids. */
  Map<String, String> values(String apiBase, String offeredStoreHash) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("api_path", apiBase + "/stores/" + offeredStoreHash + "/v3/");
    values.put("access_token", accessToken);
    values.put("client_id", clientId);
    values.put("client_secret", clientSecret);
    return values;
  }

  @Override
  public String toString() {
    return "StoreAccount[" + storeHash + "]";
  }

  /** GET v2/store, shaped like store_information.v2.yml#getStoreInformation's example. */
  String storeInformation() {
    return """
        {"id":"%1$s","account_uuid":"8d4d492f-17a1-4d95-b396-e1c5720815a5","domain":"%2$s",\
        "secure_url":"https://%2$s","control_panel_base_url":"https://store-%1$s.mybigcommerce.com",\
        "status":"live","name":"%3$s","first_name":"Ada","last_name":"Tester","address":"1 Loopback Way",\
        "country":"United States","country_code":"US","phone":"555-0100","admin_email":"owner@%2$s",\
        "order_email":"orders@%2$s","favicon_url":"https://%2$s/favicon.ico",\
        "timezone":{"name":"America/Chicago","raw_offset":-21600,"dst_offset":-18000,"dst_correction":true,\
        "date_format":{"display":"M jS Y","export":"M jS Y","extended_display":"M jS Y @ g:i A"}},\
        "language":"en","currency":"USD","currency_symbol":"$","decimal_separator":".","thousands_separator":",",\
        "decimal_places":2,"currency_symbol_location":"left","weight_units":"Ounces","dimension_units":"Inches",\
        "dimension_decimal_places":2,"dimension_decimal_token":".","dimension_thousands_token":",",\
        "plan_name":"Standard","plan_level":"Standard","plan_is_trial":true,"industry":"Outdoor",\
        "logo":[],"is_price_entered_with_tax":false,"store_id":1001234567,"default_channel_id":1,\
        "default_site_id":1000,"active_comparison_modules":[],"features":{"stencil_enabled":true,\
        "sitewidehttps_enabled":true,"facebook_catalog_id":"","checkout_type":"optimized",\
        "wishlists_enabled":true,"graphql_storefront_api_enabled":true,"shopper_consent_tracking_enabled":true,\
        "multi_storefront_enabled":false,"storefront_limits":{"active":1,"total_including_inactive":1}}}"""
        .formatted(storeHash, DOMAIN, STORE_NAME);
  }

  private static String text(SecureRandom random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
