package dev.plugboard.bigcommerce.sandbox;

import java.util.Map;

/** The JSON bodies of the sandbox's store: one channel, one site, no orders, products or customers. */
final class Bodies {

  static final String ZERO_COUNT = "{\"count\":0}";

  /** orders.v2.oas2.yml#getOrdersCount: the count per status, then the total. */
  static final String ORDER_COUNT = "{\"statuses\":[{\"id\":11,\"name\":\"Awaiting Fulfillment\","
      + "\"system_label\":\"Awaiting Fulfillment\",\"custom_label\":\"Awaiting Fulfillment\","
      + "\"system_description\":\"Customer has completed the checkout process and payment has been confirmed.\","
      + "\"count\":0,\"sort_order\":1}],\"count\":0}";

  static final String ORDER_STATUSES = "[{\"id\":0,\"name\":\"Incomplete\",\"order\":0},"
      + "{\"id\":1,\"name\":\"Pending\",\"order\":1},{\"id\":11,\"name\":\"Awaiting Fulfillment\",\"order\":2}]";

  static final String CATALOG_SUMMARY = "{\"data\":{\"inventory_count\":0,\"variant_count\":0,"
      + "\"inventory_value\":0,\"highest_variant_price\":0,\"average_variant_price\":0,\"lowest_variant_price\":\"0\","
      + "\"oldest_variant_date\":\"\",\"newest_variant_date\":\"\",\"primary_category_id\":0,"
      + "\"primary_category_name\":\"\"},\"meta\":{}}";

  private static final String CHANNEL = "{\"id\":1,\"name\":\"" + StoreAccount.STORE_NAME + "\","
      + "\"type\":\"storefront\",\"platform\":\"bigcommerce\",\"status\":\"active\",\"is_listable_from_ui\":true,"
      + "\"is_visible\":true,\"date_created\":\"2024-01-01T00:00:00Z\",\"date_modified\":\"2024-01-01T00:00:00Z\"}";

  /** channels.v3.yml: "will always return the default BigCommerce storefront with an ID of 1". */
  static final String CHANNELS = "{\"data\":[" + CHANNEL + "],\"meta\":{\"pagination\":{\"total\":1,\"count\":1,"
      + "\"per_page\":50,\"current_page\":1,\"total_pages\":1,\"links\":{\"current\":\"?page=1&limit=50\"}}}}";

  static final String CHANNEL_ONE = "{\"data\":" + CHANNEL + ",\"meta\":{}}";

  /** sites.v3.yml: its own pagination shape, {offset, limit, total_items}. */
  static final String SITES = "{\"data\":[{\"id\":1000,\"url\":\"https://" + StoreAccount.DOMAIN + "\","
      + "\"channel_id\":1,\"ssl_status\":\"dedicated\",\"urls\":[{\"url\":\"https://" + StoreAccount.DOMAIN + "\","
      + "\"type\":\"primary\"}],\"is_checkout_url_customized\":false}],"
      + "\"meta\":{\"pagination\":{\"offset\":0,\"limit\":50,\"total_items\":1}}}";

  /** checkouts.v3.yml#getCheckout for an id that does not exist. */
  static final String CHECKOUT_NOT_FOUND = "{\"errors\":[{\"status\":404,\"title\":\"Checkout not found\","
      + "\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\","
      + "\"detail\":\"The checkout could not be found.\"}]}";

  static final String V2_PAYMENT_METHODS =
      "[{\"code\":\"testgateway\",\"name\":\"Test Payment Gateway\",\"test_mode\":true}]";

  private Bodies() {}

  /** An empty v3 list page: {data: [], meta: {pagination}} with the limit asked for. */
  static String page(Map<String, String> query) {
    return "{\"data\":[],\"meta\":{" + pagination(query) + "}}";
  }

  /** customers.v3.yml adds cursor pagination to the usual meta. */
  static String customers(Map<String, String> query) {
    return "{\"data\":[],\"meta\":{" + pagination(query) + ",\"cursor_pagination\":{\"count\":0,\"per_page\":"
        + limit(query) + ",\"start_cursor\":\"\",\"end_cursor\":\"\",\"links\":{}}}}";
  }

  private static String pagination(Map<String, String> query) {
    String limit = limit(query);
    return "\"pagination\":{\"total\":0,\"count\":0,\"per_page\":" + limit
        + ",\"current_page\":1,\"total_pages\":0,\"links\":{\"current\":\"?page=1&limit=" + limit + "\"}}";
  }

  private static String limit(Map<String, String> query) {
    String limit = query.getOrDefault("limit", "50");
    return limit.matches("\\d{1,3}") ? limit : "50";
  }
}
