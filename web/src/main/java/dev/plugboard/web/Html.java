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
   * A whole page: the stylesheet and script from the jar, no inline script or style.
   *
   * @param base where the pages are mounted, without a trailing slash
   * @param data {@code data-*} attributes for the script, already escaped, or empty
   */
  static String page(String base, String title, String data, String csrf, String body) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + (csrf == null ? "" : "<meta name=\"csrf-token\" content=\"" + text(csrf) + "\">\n")
        + "<title>" + text(title) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + text(base) + "/assets/connect.css\">\n"
        + "<script src=\"" + text(base) + "/assets/connect.js\" defer></script>\n"
        + "</head>\n<body>\n"
        + "<a class=\"skip\" href=\"#main\">Skip to the form</a>\n"
        + "<header class=\"top\"><a class=\"brand\" href=\"" + text(base) + "/\">Connect your store</a></header>\n"
        + "<main id=\"main\"" + data + ">\n" + body + "</main>\n"
        + "<footer class=\"bottom\">Your credentials are checked by this server and kept encrypted;"
        + " they are never shown again once typed.</footer>\n"
        + "</body>\n</html>\n";
  }
}
