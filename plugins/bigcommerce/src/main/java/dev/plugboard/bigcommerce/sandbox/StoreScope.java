package dev.plugboard.bigcommerce.sandbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 13 read-only scopes of a BigCommerce Store API account, as the control panel names them
 * and as the API calls them (notes §3, from docs/start/authentication/api-accounts.mdx).
 */
enum StoreScope {
  CONTENT("Content", "store_v2_content_read_only"),
  CUSTOMERS("Customers", "store_v2_customers_read_only"),
  INFORMATION("Information & Settings", "store_v2_information_read_only"),
  MARKETING("Marketing", "store_v2_marketing_read_only"),
  ORDERS("Orders", "store_v2_orders_read_only"),
  ORDER_TRANSACTIONS("Order Transactions", "store_v2_transactions_read_only"),
  PAYMENT_METHODS("Get Payment Methods", "store_payments_methods_read"),
  PRODUCTS("Products", "store_v2_products_read_only"),
  CHECKOUTS("Checkouts", "store_checkout_read_only"),
  SITES("Sites & Routes", "store_sites_read_only"),
  CHANNEL_SETTINGS("Channel Settings", "store_channel_settings_read_only"),
  CHANNEL_LISTINGS("Channel Listings", "store_channel_listings_read_only"),
  STORE_INVENTORY("Store Inventory", "store_inventory_read_only");

  final String label;
  final String id;

  StoreScope(String label, String id) {
    this.label = label;
    this.id = id;
  }

  /** The scopes named (by control-panel name or scope id, any case), or all of them for {@code *}. */
  static Set<StoreScope> parse(Set<String> names) {
    if (names.contains("*")) {
      return EnumSet.allOf(StoreScope.class);
    }
    Set<StoreScope> scopes = EnumSet.noneOf(StoreScope.class);
    for (String name : names) {
      scopes.add(find(name));
    }
    return scopes;
  }

  static StoreScope find(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(scope -> scope.label.toLowerCase(Locale.ROOT).equals(wanted) || scope.id.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("BigCommerce has no scope " + name + "; the scopes are "
            + String.join(", ", Arrays.stream(values()).map(scope -> scope.label).toList())
            + " (or their ids, such as store_v2_orders_read_only)"));
  }
}
