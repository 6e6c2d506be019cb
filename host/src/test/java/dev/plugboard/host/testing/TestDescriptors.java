package dev.plugboard.host.testing;

/** Connector descriptors for test plugins, as YAML text to put in a jar. */
public final class TestDescriptors {

  private TestDescriptors() {}

  /**
   * A small valid descriptor: an https API with a url field and a secret token, two scopes.
   * Change it with {@link String#replace} to make the broken variants.
   */
  /** {@link #minimal} with an optional free-text field {@code note} (label Note) after its two. */
  public static String minimalWithNote(String connectorId) {
    return minimal(connectorId).replace("http:\n", """
          - id: note
            label: Note
            kind: text
            required: false
            help: Anything to remember.
        http:
        """);
  }

  public static String minimal(String connectorId) {
    return """
        id: %s
        name: Minimal %s
        summary: A connector for tests.
        guide:
          title: Create a token
          steps:
            - title: Open settings
              text: Open Settings → Tokens.
            - title: Create the token
              text: Click Create token and copy it.
        fields:
          - id: api_url
            label: API URL
            kind: url
            help: The API address.
            example: https://api.minimal.example/accounts/acme/
            pattern: '^/accounts/([a-z]+)/?$'
            parts: [account]
            patternHint: https://api.minimal.example/accounts/ then your account name
            guideStep: 1
            fileLabels: [API URL]
          - id: token
            label: Token
            kind: secret
            help: The token you created.
            pattern: '^[a-z0-9]{8,64}$'
            patternHint: 8 to 64 lowercase letters and digits
            guideStep: 2
            fileLabels: [TOKEN]
        http:
          baseUrl: '{api_url.origin}/accounts/{api_url.account}/'
          allowedHosts: [api.minimal.example]
          headers:
            Authorization: 'Bearer {token}'
        credentials:
          path: me
        identity:
          path: account
          values:
            name: /name
          display: '{account.name}'
        scopeRemediation:
          guideStep: 2
          text: 'Give the token {scope.name}: {scope.permission}.'
        scopes:
          - name: Orders
            permission: Read
            id: orders_read
            probe: {path: 'orders?limit=1', granted: [200]}
          - name: Customers
            permission: Read
            id: customers_read
            probe: {path: 'customers?limit=1', granted: [200]}
        diagnoses:
          rejectedCredentials:
            message: The token was rejected.
            remediation: {guideStep: 2, text: Create a new token.}
          allScopesForbidden:
            message: The token does not belong to this account.
            remediation: {guideStep: 1, text: Use the token of this account.}
        """.formatted(connectorId, connectorId);
  }

  /**
   * A format 1.1 descriptor of a store on its owner's own domain, shaped like WooCommerce (id
   * {@code ownstore}): a url field whose host is the store's ({@code '{store_url.host}'}), HTTP
   * Basic from a key and a secret, 401 answers told apart by body, a platform check asked without
   * credentials, two scopes, a POST excess call. Paths below {@code {store_url}/wp-json/}.
   */
  public static String ownDomainStore() {
    return """
        format: '1.1'
        id: ownstore
        name: Own Store
        summary: A store on its owner's domain, for tests.
        guide:
          title: Create a REST API key
          steps:
            - id: open-rest-api
              title: Open REST API
              text: Go to Settings, Advanced, REST API.
            - id: set-permissions
              title: Set the permission
              text: Choose a user who is an Administrator and set Permissions to Read.
            - id: copy-keys
              title: Copy the keys
              text: Copy the consumer key and the consumer secret.
        fields:
          - id: store_url
            label: Store URL
            kind: url
            help: Your store's address.
            example: https://shop.example.com
            pattern: '^((?:/[a-z0-9-]+)*)/?$'
            parts: [site_path]
            canonical: '{store_url.origin}{store_url.site_path}'
            patternHint: your store's address, such as https://shop.example.com
            guideStep: open-rest-api
          - id: consumer_key
            label: Consumer key
            kind: text
            help: The key.
            pattern: '^ck_[a-z0-9]{8,64}$'
            patternHint: ck_ then letters and digits
            guideStep: copy-keys
          - id: consumer_secret
            label: Consumer secret
            kind: secret
            help: The secret.
            pattern: '^cs_[a-z0-9]{8,64}$'
            patternHint: cs_ then letters and digits
            guideStep: copy-keys
        http:
          baseUrl: '{store_url}/wp-json/'
          allowedHosts: ['{store_url.host}']
          auth:
            basic: {username: '{consumer_key}', password: '{consumer_secret}'}
          headers: {Accept: application/json}
          answers:
            - status: [401]
              match:
                - {pointer: /code, equals: woocommerce_rest_authentication_error}
                - {pointer: /message, matches: '(?i)consumer secret is invalid'}
              outcome: rejected
              diagnosis: wrong_secret
            - status: [401]
              match:
                - {pointer: /code, equals: woocommerce_rest_authentication_error}
                - {pointer: /message, matches: '(?i)does not have read permissions'}
              outcome: rejected
              diagnosis: write_only_key
            - status: [401]
              match: [{pointer: /code, equals: woocommerce_rest_cannot_view}]
              outcome: rejected
              diagnosis: unknown_key_or_stripped_header
            - status: [403]
              match: [{pointer: /code, equals: woocommerce_rest_cannot_view}]
              outcome: missing
              diagnosis: user_lacks_capability
        platformCheck:
          path: wc/v3
          authenticated: false
          granted: [200]
          diagnosis: not_a_store
          values: {namespace: /namespace}
        credentials:
          path: wc/v3/system_status
        identity:
          path: wc/v3/system_status
          values: {name: /settings/name, currency: /settings/currency}
          display: '{account.name}'
        scopeRemediation:
          guideStep: set-permissions
          text: 'Give the key {scope.permission} access to {scope.name}.'
        scopes:
          - name: Orders
            permission: Read
            id: orders
            probe: {path: 'wc/v3/orders?per_page=1', granted: [200]}
          - name: Products
            permission: Read
            id: products
            probe: {path: 'wc/v3/products?per_page=1', granted: [200]}
        excess:
          calls:
            - id: key_can_write
              method: POST
              path: wc/v3/plugboard-permission-check
              sideEffectFree: No such route exists, and the store checks the key before routing.
              when: {status: [404], match: [{pointer: /code, equals: rest_no_route}]}
              message: The key can also write to the store.
              remediation: {guideStep: set-permissions, text: Set the key's Permissions to Read.}
        diagnoses:
          - id: credentials_rejected
            message: The store rejected the key.
            remediation: {guideStep: copy-keys, text: Copy the key and the secret again.}
          - id: wrong_secret
            message: The consumer secret does not belong to the consumer key.
            remediation: {guideStep: copy-keys, text: Copy the consumer secret again; it is shown once only.}
          - id: write_only_key
            message: The key may write but not read.
            remediation: {guideStep: set-permissions, text: Set the key's Permissions to Read.}
          - id: unknown_key_or_stripped_header
            message: The store does not know the key, or the web host removed the Authorization header.
            remediation: {guideStep: copy-keys, text: 'Check the key in REST API; if it is listed, ask the web host to pass the Authorization header through.'}
          - id: user_lacks_capability
            message: 'The key''s WordPress user may not read these resources.'
            remediation: {guideStep: set-permissions, text: Create the key for an Administrator or a Shop Manager.}
          - id: not_a_store
            message: The address does not lead to a WooCommerce-like store.
            remediation: {guideStep: open-rest-api, text: Copy the address of the store from your browser.}
        """;
  }
}
