package dev.plugboard.web;

import static dev.plugboard.web.Html.text;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import java.util.List;

/** The pages, drawn from the descriptor and the form model alone: nothing here knows a platform. */
final class Pages {

  private Pages() {}

  /** The first page: every loaded connector, each a link to its page. */
  static String connectors(String base, List<ConnectorDescriptor> connectors) {
    Html.Mount mount = Html.Mount.at(base);
    StringBuilder body = new StringBuilder();
    body.append("<h1>Connect your store</h1>\n");
    if (connectors.isEmpty()) {
      body.append("<p class=\"notice\">No connector is loaded. Put connector plugin jars in the plugins folder"
          + " and start the server again.</p>\n");
    } else {
      body.append("<p class=\"lead\">Choose the platform your store runs on.</p>\n<ul class=\"connectors\">\n");
      for (ConnectorDescriptor connector : connectors) {
        body.append("<li><a href=\"").append(text(base)).append("/connectors/").append(text(connector.id())).append("\">")
            .append("<span class=\"name\">").append(text(connector.name())).append("</span>")
            .append("<span class=\"summary\">").append(text(connector.summary())).append("</span></a></li>\n");
      }
      body.append("</ul>\n");
    }
    return Html.page(mount, "Connect your store", "", null, body.toString());
  }

  /**
   * A connector's page: its guide as numbered steps, its form, and the place results appear.
   *
   * @param action what the page's main button does: the path it posts to, below the connector's
   * @param fixedName the name the connection is kept under when the page does not ask for one, or {@code null}
   */
  static String connector(Html.Mount mount, String pageAddress, ConnectorDescriptor descriptor, Form form, String csrf,
      String intro, String fixedName) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Connect ").append(text(descriptor.name())).append("</h1>\n");
    body.append("<p class=\"lead\">").append(text(intro != null ? intro : descriptor.summary())).append("</p>\n");
    body.append("<div class=\"columns\">\n");
    guide(body, descriptor);
    body.append("<div class=\"work\">\n");
    form(body, descriptor, form, fixedName);
    results(body, descriptor);
    body.append("</div>\n</div>\n");
    String data = " data-page=\"connector\" data-connector=\"" + text(descriptor.id()) + "\" data-address=\""
        + text(pageAddress) + "\"";
    return Html.page(mount, "Connect " + descriptor.name(), data, csrf, body.toString());
  }

  /** A page that only says something: an unknown connector, a spent invitation, a request refused. */
  static String message(Html.Mount mount, String title, String message, String next) {
    String body = "<h1>" + text(title) + "</h1>\n<p class=\"notice\" role=\"alert\">" + text(message) + "</p>\n"
        + (next == null ? "" : "<p>" + text(next) + "</p>\n");
    return Html.page(mount, title, "", null, body);
  }

  private static void guide(StringBuilder body, ConnectorDescriptor descriptor) {
    body.append("<section class=\"guide\" aria-labelledby=\"guide-title\">\n<h2 id=\"guide-title\">")
        .append(text(descriptor.guide().title())).append("</h2>\n<ol class=\"steps\">\n");
    for (GuideStep step : descriptor.guide().steps()) {
      body.append("<li id=\"step-").append(text(step.id())).append("\" tabindex=\"-1\"><h3>")
          .append(text(step.title())).append("</h3><p>").append(text(step.text())).append("</p></li>\n");
    }
    body.append("</ol>\n</section>\n");
  }

  private static void form(StringBuilder body, ConnectorDescriptor descriptor, Form form, String fixedName) {
    body.append("<section class=\"credentials\" aria-labelledby=\"form-title\">\n")
        .append("<h2 id=\"form-title\">Your ").append(text(descriptor.name())).append(" details</h2>\n");
    if (form.credentialsFile().isPresent()) {
      body.append("<div class=\"dropzone\" id=\"dropzone\">\n<p>Drop ").append(text(form.credentialsFile().get().strip()))
          .append(" here, or <label class=\"pick\" for=\"credentials-file\">choose the file</label>.</p>\n")
          .append("<input type=\"file\" id=\"credentials-file\" accept=\".txt,text/plain\">\n")
          .append("<p class=\"message\" id=\"file-message\" aria-live=\"polite\"></p>\n</div>\n");
    }
    body.append("<form id=\"connect-form\" novalidate>\n");
    for (FormField field : form.fields()) {
      field(body, descriptor, field);
    }
    if (fixedName == null) {
      body.append("<div class=\"field\" data-field-optional>\n<label for=\"connection-name\">Name for this connection"
          + " <span class=\"optional\">(optional)</span></label>\n<p class=\"help\" id=\"connection-name-help\">"
          + "Leave it empty to name it after your store.</p>\n<input id=\"connection-name\" name=\"connection-name\""
          + " type=\"text\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"200\""
          + " aria-describedby=\"connection-name-help\">\n</div>\n");
    }
    body.append("<div class=\"actions\">\n<button type=\"button\" id=\"verify\" class=\"secondary\">Verify</button>\n")
        .append("<button type=\"submit\" id=\"connect\">Connect</button>\n</div>\n</form>\n</section>\n");
  }

  private static void field(StringBuilder body, ConnectorDescriptor descriptor, FormField field) {
    String id = "f-" + field.id();
    body.append("<div class=\"field\" data-field=\"").append(text(field.id())).append("\" data-secret=\"")
        .append(field.secret()).append("\">\n<label for=\"").append(text(id)).append("\">").append(text(field.label()))
        .append(field.required() ? "" : " <span class=\"optional\">(optional)</span>").append("</label>\n");
    String describedBy = id + "-help " + id + "-msg";
    if (field.help() != null) {
      body.append("<p class=\"help\" id=\"").append(text(id)).append("-help\">").append(text(field.help())).append("</p>\n");
    }
    body.append("<div class=\"input-row\">\n<input id=\"").append(text(id)).append("\" name=\"").append(text(field.id()))
        .append("\" type=\"").append(field.secret() ? "password" : field.kind() == FieldKind.URL ? "url" : "text")
        .append("\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\"")
        .append(field.required() ? " aria-required=\"true\"" : "")
        .append(" aria-describedby=\"").append(text(describedBy)).append("\">\n");
    if (field.secret()) {
      body.append("<button type=\"button\" class=\"reveal\" aria-controls=\"").append(text(id))
          .append("\" aria-pressed=\"false\">Show</button>\n");
    }
    body.append("</div>\n<p class=\"message\" id=\"").append(text(id)).append("-msg\" aria-live=\"polite\"></p>\n");
    field.example().ifPresent(example ->
        body.append("<p class=\"example\">Example: <code>").append(text(example)).append("</code></p>\n"));
    if (field.guideStep().isPresent()) {
      GuideStep step = descriptor.guide().steps().get(field.guideStep().getAsInt() - 1);
      body.append("<p class=\"where\"><a href=\"#step-").append(text(step.id())).append("\">Where to find it: step ")
          .append(field.guideStep().getAsInt()).append(", ").append(text(step.title())).append("</a></p>\n");
    }
    body.append("</div>\n");
  }

  private static void results(StringBuilder body, ConnectorDescriptor descriptor) {
    body.append("<section class=\"results\" id=\"results\" aria-labelledby=\"results-title\" hidden>\n")
        .append("<h2 id=\"results-title\">Checking your connection</h2>\n")
        .append("<p class=\"outcome\" id=\"outcome\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\"></p>\n")
        .append("<ol class=\"phases\" id=\"phases\" aria-live=\"polite\"></ol>\n");
    if (!descriptor.scopes().isEmpty()) {
      body.append("<h3>Permissions</h3>\n<ul class=\"scopes\" id=\"scopes\" aria-live=\"polite\">\n");
      for (Scope scope : descriptor.scopes()) {
        body.append("<li class=\"scope pending\" data-scope=\"").append(text(scope.id())).append("\">")
            .append("<span class=\"scope-name\">").append(text(scope.name())).append("</span> ")
            .append("<span class=\"scope-permission\">").append(text(scope.permission())).append("</span> ")
            .append("<span class=\"scope-status\">waiting</span>")
            .append("<p class=\"remediation\" hidden></p></li>\n");
      }
      body.append("</ul>\n");
    }
    body.append("<ul class=\"problems\" id=\"problems\"></ul>\n")
        .append("<details class=\"report\" hidden><summary>The full report</summary><pre id=\"report\"></pre></details>\n")
        .append("</section>\n");
  }
}
