package dev.plugboard.bigcommerce.sandbox;

/**
 * An answer the sandbox sends: a status and, unless it is empty, a JSON body.
 *
 * @param status the HTTP status
 * @param json the body, or empty for none (204, HEAD)
 */
record Reply(int status, String json) {

  static Reply ok(String json) {
    return new Reply(200, json);
  }

  /** v2 answers an empty list with 204 and no body (aligent/bigcommerce-v3-api-php-client#177). */
  static Reply noContent() {
    return new Reply(204, "");
  }

  /** v2 errors are arrays of {status, message} (orders.v2.oas2.yml 404_Resp). */
  static Reply v2Error(int status, String message) {
    return new Reply(status, "[{\"status\":" + status + ",\"message\":\"" + message + "\"}]");
  }

  /** v3 errors are {status, title, type} objects (orders.v3.yml, sites.v3.yml). */
  static Reply v3Error(int status, String title) {
    return new Reply(status, "{\"status\":" + status + ",\"title\":\"" + title
        + "\",\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}");
  }

  /** The body BigCommerce sends for a missing scope and for an unknown store hash (notes §4, observed). */
  static Reply missingScope() {
    return v3Error(403, "You don't have a required scope to access the endpoint");
  }

  boolean hasBody() {
    return !json.isEmpty();
  }
}
