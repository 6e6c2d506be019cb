package dev.plugboard.bigcommerce.sandbox;

import dev.plugboard.api.sandbox.kit.SandboxReply;

/** The answers BigCommerce gives, in its shapes: JSON bodies, v2 and v3 errors. */
final class Reply {

  private Reply() {}

  static SandboxReply ok(String json) {
    return SandboxReply.json(200, json);
  }

  /** v2 answers an empty list with 204 and no body (aligent/bigcommerce-v3-api-php-client#177). */
  static SandboxReply noContent() {
    return SandboxReply.empty(204);
  }

  /** v2 errors are arrays of {status, message} (orders.v2.oas2.yml 404_Resp). */
  static SandboxReply v2Error(int status, String message) {
    return SandboxReply.json(status, "[{\"status\":" + status + ",\"message\":\"" + message + "\"}]");
  }

  /** v3 errors are {status, title, type} objects (orders.v3.yml, sites.v3.yml). */
  static SandboxReply v3Error(int status, String title) {
    return SandboxReply.json(status, "{\"status\":" + status + ",\"title\":\"" + title
        + "\",\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}");
  }

  /** The body BigCommerce sends for a missing scope and for an unknown store hash (notes §4, observed). */
  static SandboxReply missingScope() {
    return v3Error(403, "You don't have a required scope to access the endpoint");
  }
}
