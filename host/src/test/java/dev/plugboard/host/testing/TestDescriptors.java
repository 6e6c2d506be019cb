package dev.plugboard.host.testing;

/** Connector descriptors for test plugins, as YAML text to put in a jar. */
public final class TestDescriptors {

  private TestDescriptors() {}

  /**
   * A small valid descriptor: an https API with a url field and a secret token, two scopes.
   * Change it with {@link String#replace} to make the broken variants.
   */
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
}
