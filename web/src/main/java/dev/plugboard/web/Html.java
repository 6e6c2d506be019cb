package dev.plugboard.web;

/** Text made safe for HTML: every value drawn into a page goes through {@link #text(String)}. */
final class Html {

  private Html() {}

  /** {@code value} escaped for element content and quoted attribute values; empty for {@code null}. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Where a page's links go.
   *
   * @param assets where the stylesheet and script are, without a trailing slash
   * @param home the list of connectors, or {@code null} for a page that must not lead there (an invite's)
   */
  record Mount(String assets, String home) {

    /** The pages mounted at {@code base} (no trailing slash), seen by the application's own users. */
    static Mount at(String base) {
      return new Mount(base + "/assets", base + "/");
    }

    /** The pages an invite's link opens: their assets beside the invites, no way into the rest. */
    static Mount invited(String base) {
      return new Mount(base + "/invites/assets", null);
    }
  }

  /**
   * A whole page: the stylesheet and script from the jar, no inline script or style.
   *
   * @param data {@code data-*} attributes for the script, already escaped, or empty
   */
  static String page(Mount mount, String title, String data, String csrf, String body) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + (csrf == null ? "" : "<meta name=\"csrf-token\" content=\"" + text(csrf) + "\">\n")
        + "<title>" + text(title) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + text(mount.assets()) + "/connect.css\">\n"
        + "<script src=\"" + text(mount.assets()) + "/connect.js\" defer></script>\n"
        + "</head>\n<body>\n"
        + "<a class=\"skip\" href=\"#main\">Skip to the form</a>\n"
        + "<header class=\"top\">" + (mount.home() == null ? "<span class=\"brand\">Connect your store</span>"
            : "<a class=\"brand\" href=\"" + text(mount.home()) + "\">Connect your store</a>") + "</header>\n"
        + "<main id=\"main\"" + data + ">\n" + body + "</main>\n"
        + "<footer class=\"bottom\">Your credentials are checked by this server and kept encrypted;"
        + " they are never shown again once typed.</footer>\n"
        + "</body>\n</html>\n";
  }
}
