package dev.plugboard.woocommerce.sandbox;

import static dev.plugboard.woocommerce.sandbox.Resource.COUPONS;
import static dev.plugboard.woocommerce.sandbox.Resource.CUSTOMERS;
import static dev.plugboard.woocommerce.sandbox.Resource.ORDERS;
import static dev.plugboard.woocommerce.sandbox.Resource.PAYMENT_GATEWAYS;
import static dev.plugboard.woocommerce.sandbox.Resource.PRODUCTS;
import static dev.plugboard.woocommerce.sandbox.Resource.REFUNDS;
import static dev.plugboard.woocommerce.sandbox.Resource.SALES_REPORTS;
import static dev.plugboard.woocommerce.sandbox.Resource.TAXES;


import dev.plugboard.api.sandbox.kit.SandboxReply;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The store's routes below {@code /wp-json/wc/v3/}, each with the resource (and so the capability)
 * it is guarded by and what the empty store answers there. Paths have no leading slash, such as
 * {@code orders} or {@code orders/12/refunds}; a trailing slash is ignored, as WordPress does.
 * First match wins. {@code system_status} needs {@code manage_woocommerce} and is not a resource of
 * the permissions table.
 */
final class Routes {

  /** One route: its path pattern, the resource guarding it (none: manage_woocommerce), and its answer. */
  record Route(Pattern path, Optional<Resource> resource, Function<String, SandboxReply> answer) {}

  private static final List<Route> ROUTES = List.of(
      route("system_status", null, url -> Reply.ok(Bodies.systemStatus(url))),
      route("orders", ORDERS, url -> Reply.emptyList()),
      route("orders/\\d+/refunds", REFUNDS, url -> invalidOrder()),
      route("orders/\\d+/refunds/\\d+", REFUNDS, url -> invalidOrder()),
      route("orders/\\d+", ORDERS, url -> Reply.error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")),
      route("refunds", REFUNDS, url -> Reply.emptyList()),
      route("products", PRODUCTS, url -> Reply.emptyList()),
      route("products/\\d+", PRODUCTS, url -> Reply.error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")),
      route("customers", CUSTOMERS, url -> Reply.emptyList()),
      route("customers/\\d+", CUSTOMERS, url -> Reply.error(404, "woocommerce_rest_invalid_id", "Invalid resource ID.")),
      route("coupons", COUPONS, url -> Reply.emptyList()),
      route("coupons/\\d+", COUPONS, url -> Reply.error(404, "woocommerce_rest_shop_coupon_invalid_id", "Invalid ID.")),
      route("reports", SALES_REPORTS, url -> Reply.ok(Bodies.REPORTS)),
      route("reports/sales", SALES_REPORTS, url -> Reply.ok(Bodies.SALES_REPORT)),
      route("payment_gateways", PAYMENT_GATEWAYS, url -> Reply.ok(Bodies.PAYMENT_GATEWAYS)),
      route("payment_gateways/[a-z0-9_-]+", PAYMENT_GATEWAYS,
          url -> Reply.error(404, "woocommerce_rest_payment_gateway_invalid", "Resource does not exist.")),
      route("taxes", TAXES, url -> Reply.emptyList()),
      route("taxes/\\d+", TAXES, url -> Reply.error(404, "woocommerce_rest_invalid_id", "Invalid resource ID.")));

  private Routes() {}

  /** The route at {@code path} (below wc/v3/, no query), if the store has one. */
  static Optional<Route> find(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return ROUTES.stream().filter(route -> route.path().matcher(trimmed).matches()).findFirst();
  }

  private static Route route(String pattern, Resource resource, Function<String, SandboxReply> answer) {
    return new Route(Pattern.compile(pattern), Optional.ofNullable(resource), answer);
  }

  private static SandboxReply invalidOrder() {
    return Reply.error(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
  }
}
