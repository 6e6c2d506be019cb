package dev.plugboard.woocommerce.sandbox;

import java.util.Optional;

/**
 * The WordPress sites the sandbox serves, each below its own folder of {@code http://127.0.0.1:PORT}:
 * the store, the same store where WordPress lives in a sub-folder, the same store behind a web
 * host that strips the Authorization header before PHP sees it (notes §3), and a WordPress site
 * without WooCommerce.
 */
enum Site {
  STRIPS_AUTHORIZATION("/strips-authorization", true, true),
  SUB_FOLDER("/shop", true, false),
  BLOG("/blog", false, false),
  STORE("", true, false);

  /** The site's folder below the server's root; empty for the root. */
  final String folder;
  final boolean woocommerce;
  final boolean stripsAuthorization;

  Site(String folder, boolean woocommerce, boolean stripsAuthorization) {
    this.folder = folder;
    this.woocommerce = woocommerce;
    this.stripsAuthorization = stripsAuthorization;
  }

  /** The site a request path falls in, and the path within it. */
  static Optional<Located> locate(String path) {
    for (Site site : values()) {
      if (site.folder.isEmpty() || path.equals(site.folder) || path.startsWith(site.folder + "/")) {
        return Optional.of(new Located(site, path.substring(site.folder.length())));
      }
    }
    return Optional.empty();
  }

  /**
   * A request path, split.
   *
   * @param site the site it falls in
   * @param path the path within the site, such as {@code /wp-json/wc/v3/orders}
   */
  record Located(Site site, String path) {}
}
