package dev.plugboard.woocommerce.sandbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The resources a bookkeeping service reads, as the connector's permissions table names them
 * (notes §5), with the route base WooCommerce calls them by and the WordPress capability its
 * REST controller checks before listing them (wc_rest_check_post_permissions,
 * wc_rest_check_user_permissions and wc_rest_check_manager_permissions in wc-rest-functions.php).
 */
enum Resource {
  ORDERS("Orders", "orders", "read_private_shop_orders"),
  PRODUCTS("Products", "products", "read_private_products"),
  CUSTOMERS("Customers", "customers", "list_users"),
  COUPONS("Coupons", "coupons", "read_private_shop_coupons"),
  SALES_REPORTS("Sales reports", "reports/sales", "view_woocommerce_reports"),
  PAYMENT_GATEWAYS("Payment gateways", "payment_gateways", "manage_woocommerce"),
  TAXES("Taxes", "taxes", "manage_woocommerce"),
  REFUNDS("Refunds", "refunds", "read_private_shop_orders");

  final String label;
  final String id;
  final String capability;

  Resource(String label, String id, String capability) {
    this.label = label;
    this.id = id;
    this.capability = capability;
  }

  /** The resources named (by the table's name or the route base, any case), or all of them for {@code *}. */
  static Set<Resource> parse(Set<String> names) {
    if (names.contains("*")) {
      return EnumSet.allOf(Resource.class);
    }
    Set<Resource> resources = EnumSet.noneOf(Resource.class);
    for (String name : names) {
      resources.add(find(name));
    }
    return resources;
  }

  static Resource find(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(resource -> resource.label.toLowerCase(Locale.ROOT).equals(wanted) || resource.id.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("WooCommerce has no permission " + name + "; the permissions are "
            + String.join(", ", Arrays.stream(values()).map(resource -> resource.label).toList())
            + " (or their route names, such as orders or reports/sales)"));
  }
}
