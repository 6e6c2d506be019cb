package dev.plugboard.woocommerce.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON bodies of the sandbox's store: no orders, products or customers; three offline gateways. */
final class Bodies {

  static final String STORE_NAME = "Acceptance Outfitters";
  static final String TIME_ZONE = "America/Chicago";
  static final String CURRENCY = "USD";
  static final String WOOCOMMERCE_VERSION = "11.1.0";
  static final String WORDPRESS_VERSION = "6.8.2";

  private static final List<String> WORDPRESS_NAMESPACES = List.of("oembed/1.0", "wp/v2", "wp-site-health/v1");
  private static final List<String> WOOCOMMERCE_NAMESPACES =
      List.of("wc/store/v1", "wc-analytics", "wc/v1", "wc/v2", "wc/v3", "wc-admin");

  private Bodies() {}

  /**
   * GET /wp-json/ (WP_REST_Server::get_index), cut to the {@code _fields} asked for as WordPress
   * does (rest_filter_response_fields; {@code routes./wc/v3} keeps that one route). Its routes are
   * the namespaces' own index routes only, as the sandbox serves few others.
   */
  static String wordPressIndex(Site site, String siteUrl, Set<String> fields) {
    List<String> namespaces = new ArrayList<>(WORDPRESS_NAMESPACES);
    if (site.woocommerce) {
      namespaces.addAll(1, WOOCOMMERCE_NAMESPACES);
    }
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put("/", "{\"namespace\":\"\",\"methods\":[\"GET\"]}");
    for (String namespace : namespaces) {
      routes.put("/" + namespace, "{\"namespace\":" + quote(namespace) + ",\"methods\":[\"GET\"],\"_links\":{\"self\":[{"
          + "\"href\":" + quote(siteUrl + "/wp-json/" + namespace) + "}]}}");
    }
    Map<String, String> index = new LinkedHashMap<>();
    index.put("name", quote(site.woocommerce ? STORE_NAME : "Acceptance Outfitters Blog"));
    index.put("description", quote("Outdoor gear, tested on loopback"));
    index.put("url", quote(siteUrl));
    index.put("home", quote(siteUrl));
    index.put("gmt_offset", "-5");
    index.put("timezone_string", quote(TIME_ZONE));
    index.put("page_for_posts", "0");
    index.put("page_on_front", "0");
    index.put("show_on_front", quote("posts"));
    index.put("namespaces", "[" + String.join(",", namespaces.stream().map(Bodies::quote).toList()) + "]");
    index.put("authentication", "[]");
    index.put("routes", object(routes, Set.of()));
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (String field : fields) {
      int dot = field.indexOf('.');
      String top = dot < 0 ? field : field.substring(0, dot);
      Set<String> below = wanted.computeIfAbsent(top, key -> new LinkedHashSet<>());
      if (dot >= 0) {
        below.add(field.substring(dot + 1));
      } else {
        below.add("*");
      }
    }
    if (wanted.isEmpty()) {
      return object(index, Set.of());
    }
    Map<String, String> cut = new LinkedHashMap<>();
    wanted.forEach((top, below) -> {
      if (top.equals("routes") && !below.contains("*")) {
        cut.put(top, object(routes, below));
      } else if (index.containsKey(top)) {
        cut.put(top, index.get(top));
      }
    });
    return object(cut, Set.of());
  }

  /** A JSON object of the entries, or of only the keys named when any are. */
  private static String object(Map<String, String> entries, Set<String> only) {
    StringBuilder out = new StringBuilder("{");
    entries.forEach((name, value) -> {
      if (only.isEmpty() || only.contains(name)) {
        out.append(out.length() > 1 ? "," : "").append(quote(name)).append(':').append(value);
      }
    });
    return out.append('}').toString();
  }

  /** GET /wp-json/wc/v3: the namespace index, answered without authentication. */
  static String namespaceIndex(String siteUrl) {
    return "{\"namespace\":\"wc/v3\",\"routes\":{\"/wc/v3\":{\"namespace\":\"wc/v3\",\"methods\":[\"GET\"],"
        + "\"endpoints\":[{\"methods\":[\"GET\"],\"args\":{\"namespace\":{\"default\":\"wc/v3\",\"required\":false},"
        + "\"context\":{\"default\":\"view\",\"required\":false}}}],\"_links\":{\"self\":[{\"href\":"
        + quote(siteUrl + "/wp-json/wc/v3") + "}]}}},\"_links\":{\"up\":[{\"href\":" + quote(siteUrl + "/wp-json/")
        + "}]}}";
  }

  /** GET wc/v3/system_status, its environment and settings sections (the others left out). */
  static String systemStatus(String siteUrl) {
    return """
        {"environment":{"home_url":"%1$s","site_url":"%1$s","version":"%2$s","log_directory":"/var/www/wp-content/uploads/wc-logs/",\
        "log_directory_writable":true,"wp_version":"%3$s","wp_multisite":false,"wp_memory_limit":268435456,\
        "wp_debug_mode":false,"wp_cron":true,"language":"en_US","external_object_cache":null,\
        "server_info":"Apache/2.4","php_version":"8.3.12","php_post_max_size":67108864,"php_max_execution_time":30,\
        "php_max_input_vars":1000,"curl_version":"8.5.0, OpenSSL/3.0.13","suhosin_installed":false,\
        "max_upload_size":67108864,"mysql_version":"8.0.39","mysql_version_string":"8.0.39",\
        "default_timezone":"UTC","fsockopen_or_curl_enabled":true,"soapclient_enabled":false,\
        "domdocument_enabled":true,"gzip_enabled":true,"mbstring_enabled":true,"remote_post_successful":true,\
        "remote_post_response":"200","remote_get_successful":true,"remote_get_response":"200"},\
        "settings":{"api_enabled":false,"force_ssl":false,"currency":"%4$s","currency_symbol":"&#36;",\
        "currency_position":"left","thousand_separator":",","decimal_separator":".","number_of_decimals":2,\
        "geolocation_enabled":false,"taxonomies":{"external":"external","grouped":"grouped","simple":"simple",\
        "variable":"variable"},"product_visibility_terms":{"exclude-from-catalog":"exclude-from-catalog",\
        "exclude-from-search":"exclude-from-search","featured":"featured","outofstock":"outofstock"},\
        "woocommerce_com_connected":"no"}}"""
        .formatted(siteUrl, WOOCOMMERCE_VERSION, WORDPRESS_VERSION, CURRENCY);
  }

  /** GET wc/v3/reports/sales for a store with no sales (WC_REST_Report_Sales_V1_Controller). */
  static final String SALES_REPORT = "[{\"total_sales\":\"0.00\",\"net_sales\":\"0.00\",\"average_sales\":\"0.00\","
      + "\"total_orders\":0,\"total_items\":0,\"total_tax\":\"0.00\",\"total_shipping\":\"0.00\",\"total_refunds\":0,"
      + "\"total_discount\":\"0.00\",\"totals_grouped_by\":\"day\",\"totals\":{},\"total_customers\":0}]";

  /** GET wc/v3/reports: the reports there are. */
  static final String REPORTS = "[{\"slug\":\"sales\",\"description\":\"List of sales reports.\"},"
      + "{\"slug\":\"top_sellers\",\"description\":\"List of top sellers products.\"}]";

  /** GET wc/v3/payment_gateways: WooCommerce's three offline gateways, no pagination. */
  static final String PAYMENT_GATEWAYS = "[" + gateway("bacs", "Direct bank transfer", 0) + ","
      + gateway("cheque", "Check payments", 1) + "," + gateway("cod", "Cash on delivery", 2) + "]";

  private static String gateway(String id, String title, int order) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\"\",\"order\":" + order
        + ",\"enabled\":false,\"method_title\":\"" + title + "\",\"method_description\":\"\","
        + "\"method_supports\":[\"products\"],\"settings\":{}}";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/") + "\"";
  }
}
