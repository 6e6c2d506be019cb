package dev.plugboard.bigcommerce.sandbox;

import static dev.plugboard.bigcommerce.sandbox.StoreScope.CHANNEL_LISTINGS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.CHANNEL_SETTINGS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.CHECKOUTS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.CONTENT;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.CUSTOMERS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.INFORMATION;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.MARKETING;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.ORDERS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.ORDER_TRANSACTIONS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.PAYMENT_METHODS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.PRODUCTS;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.SITES;
import static dev.plugboard.bigcommerce.sandbox.StoreScope.STORE_INVENTORY;

import dev.plugboard.api.sandbox.kit.SandboxReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which scope guards which path, and what the sandbox's empty store answers there. The table
 * follows the scope tables of the notes (§3: probes and their alternatives; spec files' security
 * descriptions), not just the probes Plugboard sends, so a probe pointed at the wrong resource
 * is caught. Paths are below the store root, such as {@code v2/orders/count}; first match wins.
 */
final class Routes {

  /** One resource: the path pattern, the scope guarding it (none for v2/time) and its answer. */
  record Route(Pattern path, Optional<StoreScope> scope, Answer answer) {}

  /** What a resource answers to a caller holding its scope. */
  interface Answer {
    SandboxReply answer(Matcher path, Map<String, String> query, StoreAccount store);
  }

  private static final List<Route> ROUTES = List.of(
      // Information & Settings (store_information.v2.yml). v2/time needs no scope (notes §3 (g), observed).
      route("v2/time", null, (p, q, s) -> Reply.ok("{\"time\":" + System.currentTimeMillis() / 1000 + "}")),
      route("v2/store", INFORMATION, (p, q, s) -> Reply.ok(s.storeInformation())),
      // Orders (orders.v2.oas2.yml); v2 answers an empty list with 204.
      route("v2/orders/count", ORDERS, (p, q, s) -> Reply.ok(Bodies.ORDER_COUNT)),
      route("v2/orders", ORDERS, (p, q, s) -> Reply.noContent()),
      route("v2/orders/[^/]+(/.*)?", ORDERS, (p, q, s) -> notFoundV2()),
      route("v2/order_statuses", ORDERS, (p, q, s) -> Reply.ok(Bodies.ORDER_STATUSES)),
      // Marketing (marketing.v2.yml, promotions.v3.yml).
      route("v2/(coupons|banners|gift_certificates)/count", MARKETING, (p, q, s) -> Reply.ok(Bodies.ZERO_COUNT)),
      route("v2/(coupons|banners|gift_certificates)", MARKETING, (p, q, s) -> Reply.noContent()),
      route("v2/(coupons|banners|gift_certificates)/.+", MARKETING, (p, q, s) -> notFoundV2()),
      route("v3/promotions", MARKETING, (p, q, s) -> Reply.ok(Bodies.page(q))),
      route("v3/promotions/.+", MARKETING, (p, q, s) -> notFoundV3()),
      // Content (pages.v3.yml, widgets.v3.yml, store_content.v2.yml).
      route("v3/content/(pages|widgets|widget-templates|placements|regions)", CONTENT, (p, q, s) -> Reply.ok(Bodies.page(q))),
      route("v3/content/.+", CONTENT, (p, q, s) -> notFoundV3()),
      route("v2/blog/(posts|tags)/count", CONTENT, (p, q, s) -> Reply.ok(Bodies.ZERO_COUNT)),
      route("v2/(blog/posts|blog/tags|pages|redirects)", CONTENT, (p, q, s) -> Reply.noContent()),
      route("v2/(blog|pages|redirects)/.+", CONTENT, (p, q, s) -> notFoundV2()),
      // Customers (customers.v3.yml; customers.v2.yml, whose customers endpoints are deprecated).
      route("v3/customers", CUSTOMERS, (p, q, s) -> Reply.ok(Bodies.customers(q))),
      route("v3/customers/.+", CUSTOMERS, (p, q, s) -> Reply.ok(Bodies.page(q))),
      route("v2/(customers|customer_groups)/count", CUSTOMERS, (p, q, s) -> Reply.ok(Bodies.ZERO_COUNT)),
      route("v2/(customers|customer_groups)", CUSTOMERS, (p, q, s) -> Reply.noContent()),
      // Products (products_catalog.v3.yml): the whole catalog.
      route("v3/catalog/summary", PRODUCTS, (p, q, s) -> Reply.ok(Bodies.CATALOG_SUMMARY)),
      route("v3/catalog/[a-z_-]+", PRODUCTS, (p, q, s) -> Reply.ok(Bodies.page(q))),
      route("v3/catalog/.+", PRODUCTS, (p, q, s) -> notFoundV3()),
      // Channel Settings guards channels; Channel Listings only their listings (notes §3 (d)).
      route("v3/channels", CHANNEL_SETTINGS, (p, q, s) -> Reply.ok(Bodies.CHANNELS)),
      route("v3/channels/([^/]+)/listings", CHANNEL_LISTINGS, Routes::listings),
      route("v3/channels/([^/]+)/listings/.+", CHANNEL_LISTINGS, (p, q, s) -> notFoundV3()),
      route("v3/channels/1", CHANNEL_SETTINGS, (p, q, s) -> Reply.ok(Bodies.CHANNEL_ONE)),
      route("v3/channels/.+", CHANNEL_SETTINGS, (p, q, s) -> notFoundV3()),
      // Sites & Routes (sites.v3.yml), with its own pagination shape.
      route("v3/sites", SITES, (p, q, s) -> Reply.ok(Bodies.SITES)),
      route("v3/sites/.+", SITES, (p, q, s) -> notFoundV3()),
      // Order Transactions (orders.v3.yml#getOrderTransactions): the store has no orders.
      route("v3/orders/[^/]+/transactions", ORDER_TRANSACTIONS, (p, q, s) -> notFoundV3()),
      // Get Payment Methods (accepted-methods_payments.v3.yml): needs an order or a checkout.
      route("v3/payments/methods", PAYMENT_METHODS, Routes::paymentMethods),
      // Deprecated; which scope guards it is ambiguous (notes §3), taken here as Get Payment Methods.
      route("v2/payments/methods", PAYMENT_METHODS, (p, q, s) -> Reply.ok(Bodies.V2_PAYMENT_METHODS)),
      // Checkouts (checkouts.v3.yml): no checkout exists, so every id is unknown.
      route("v3/checkouts/[^/]+", CHECKOUTS, (p, q, s) -> SandboxReply.json(404, Bodies.CHECKOUT_NOT_FOUND)),
      // Store Inventory (inventory.v3.yml).
      route("v3/inventory/(items|locations|adjustments)(/.*)?", STORE_INVENTORY, (p, q, s) -> Reply.ok(Bodies.page(q))));

  private Routes() {}

  /** The resource at {@code path} (below the store root, no query), if the API has one. */
  static Optional<Match> find(String path) {
    for (Route route : ROUTES) {
      Matcher matcher = route.path().matcher(path);
      if (matcher.matches()) {
        return Optional.of(new Match(route, matcher));
      }
    }
    return Optional.empty();
  }

  /** Every scope some route is guarded by. */
  static List<StoreScope> guardedScopes() {
    return ROUTES.stream().flatMap(route -> route.scope().stream()).distinct().toList();
  }

  /** A route found for a path, with the path's groups. */
  record Match(Route route, Matcher path) {}

  private static Route route(String pattern, StoreScope scope, Answer answer) {
    return new Route(Pattern.compile(pattern), Optional.ofNullable(scope), answer);
  }

  /** channels.v3.yml: an unknown channel or one without listings answers 200 with empty data. */
  private static SandboxReply listings(Matcher path, Map<String, String> query, StoreAccount store) {
    if (!path.group(1).matches("\\d+")) {
      return Reply.v3Error(400, "Invalid channel id: " + path.group(1).replaceAll("[^a-zA-Z0-9_-]", ""));
    }
    return Reply.ok(Bodies.page(query));
  }

  private static SandboxReply paymentMethods(Matcher path, Map<String, String> query, StoreAccount store) {
    if (!query.containsKey("order_id") && !query.containsKey("checkout_id")) {
      return Reply.v3Error(422, "order_id or checkout_id is required");
    }
    return Reply.v3Error(404, "The order or checkout was not found.");
  }

  private static SandboxReply notFoundV2() {
    return Reply.v2Error(404, "The requested resource was not found.");
  }

  private static SandboxReply notFoundV3() {
    return Reply.v3Error(404, "The requested resource was not found.");
  }
}
