package dev.plugboard.host.internal.verify;

import dev.plugboard.host.HostResolver;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.SocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A test connector shaped like a hosted-shop platform: each merchant's API is on its own host
 * ({@code https://{shop}.myshopify.com/admin/api/{api_version}/}), scopes are proven by one
 * listing call. The platform is a TLS MockWebServer on loopback: the test's HTTP client sends
 * every connection to it whatever address and port are asked, and trusts its test certificate,
 * while the host's resolver maps every name to a public test address, so the host's guard
 * against private addresses sees what it would see on the internet. No real DNS is used.
 */
final class ShopHostPlatform implements AutoCloseable {

  static final String TOKEN = "shpat0canary0token0value0zz";
  static final String SHOP = "acme";
  static final String HOST = "acme.myshopify.com";
  /** An address from TEST-NET-3 (RFC 5737): public to the guard, never reached (the socket factory goes to loopback). */
  static final String PUBLIC_TEST_ADDRESS = "203.0.113.10";

  static final String DESCRIPTOR = """
      # yaml-language-server: $schema=descriptor-1.1.schema.json
      format: '1.1'
      id: shophost
      name: Shop Host
      summary: A connector whose API is on each merchant's own host, for tests.
      guide:
        title: Create a custom app
        steps:
          - id: open-apps
            title: Open Apps
            text: In your shop's admin, open Settings, then Apps and sales channels.
          - id: set-scopes
            title: Set the access scopes
            text: Give the app read_orders, read_products and read_customers only.
          - id: copy-token
            title: Copy the token
            text: Install the app and copy the Admin API access token.
      fields:
        - id: shop
          label: Shop name
          kind: text
          help: The part of your admin address before .myshopify.com.
          example: acme
          pattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'
          patternHint: the shop's name, lowercase letters, digits and hyphens (one DNS label)
          guideStep: open-apps
        - id: api_version
          label: API version
          kind: text
          required: false
          help: The API version to call.
          pattern: '^[0-9]{4}-[0-9]{2}$'
          patternHint: a year and a month, such as 2024-10
          defaultValue: '2024-10'
        - id: access_token
          label: Access token
          kind: secret
          help: The Admin API access token.
          pattern: '^shpat[0-9a-z]{8,64}$'
          patternHint: shpat then 8 to 64 lowercase letters and digits
          guideStep: copy-token
      http:
        baseUrl: 'https://{shop}.myshopify.com/admin/api/{api_version}/'
        allowedHosts: ['{shop}.myshopify.com']
        headers:
          X-Shopify-Access-Token: '{access_token}'
          Accept: application/json
        rateLimit:
          usedOfLimitHeader: X-Shopify-Shop-Api-Call-Limit
      credentials:
        path: shop.json
      identity:
        path: shop.json
        values: {name: /shop/name, domain: /shop/myshopify_domain}
        display: '{account.name} ({account.domain})'
      scopeRemediation:
        guideStep: set-scopes
        text: 'Give the app the access scope {scope.id} ({scope.name}: {scope.permission}).'
      scopes:
        - name: Orders
          permission: Read
          id: read_orders
        - name: Products
          permission: Read
          id: read_products
        - name: Customers
          permission: Read
          id: read_customers
      scopeListing:
        path: oauth/access_scopes.json
        pointer: /access_scopes
        item: /handle
        implies: {write_orders: [read_orders]}
      excess:
        listed:
          message: 'The app can also use {excess.ids}, which Plugboard does not need.'
          remediation: {guideStep: set-scopes, text: 'Remove {excess.ids} from the app''s access scopes.'}
      diagnoses:
        - id: credentials_rejected
          message: The shop rejected the access token.
          remediation: {guideStep: copy-token, text: Copy the access token again.}
      """;

  private final PluginRegistry registry;
  private final OkHttpClient client;
  final LoadedConnector connector;
  final HostSettings settings;

  /**
   * The connector with {@code edit} applied to its descriptor, its calls sent to {@code server},
   * which this starts with TLS for {@link #HOST} and {@code otherHosts}.
   */
  ShopHostPlatform(Path pluginsDir, MockWebServer server, UnaryOperator<String> edit, String... otherHosts)
      throws IOException {
    HeldCertificate.Builder certificate = new HeldCertificate.Builder().addSubjectAlternativeName(HOST);
    for (String other : otherHosts) {
      certificate.addSubjectAlternativeName(other);
    }
    HeldCertificate held = certificate.build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(held).build().sslSocketFactory());
    server.setProtocols(List.of(Protocol.HTTP_1_1)); // so that each request names its host in a Host header
    server.start(InetAddress.getLoopbackAddress(), 0);
    HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate()).build();
    int port = server.getPort();
    Dns loopbackDns = hostname -> List.of(InetAddress.getLoopbackAddress());
    this.client = HttpClients.create().newBuilder()
        .dns(loopbackDns)
        .socketFactory(new ToPort(port))
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .build();
    TestPluginJar.plugin("shophost").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, edit.apply(DESCRIPTOR))
        .writeTo(pluginsDir);
    this.registry = PluginRegistry.load(pluginsDir);
    this.connector = registry.connector("shophost");
    HostResolver publicAddress = host -> List.of(InetAddress.getByName(PUBLIC_TEST_ADDRESS));
    this.settings = new HostSettings(pluginsDir, pluginsDir, List.of(), VerifyOptions.DEFAULT_TIMEOUT, 0,
        publicAddress);
  }

  /** {@code raw} through the real format phase, with nothing added to the allow-list. */
  FormatResult values(Map<String, String> raw) {
    AllowedHosts hosts = settings.allowedHosts(connector.descriptor(), List.of());
    return FormatPhase.check(connector.descriptor(), raw, hosts);
  }

  FormatResult values() {
    return values(Map.of("shop", SHOP, "access_token", TOKEN));
  }

  dev.plugboard.host.VerificationReport verify(FormatResult values) {
    return new Verifier(settings, client).verify(connector, values,
        VerifyOptions.builder().retry(MinimalPlatform.FAST_RETRIES).build());
  }

  dev.plugboard.host.VerificationReport verify(FormatResult values, VerifyOptions options) {
    return new Verifier(settings, client).verify(connector, values, options);
  }

  @Override
  public void close() {
    HttpClients.close(client);
    registry.close();
  }

  /** Connects every socket to the test server on loopback, whatever address and port were asked. */
  private static final class ToPort extends SocketFactory {

    private final int port;

    ToPort(int port) {
      this.port = port;
    }

    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          super.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return connected();
    }

    private Socket connected() throws IOException {
      Socket socket = createSocket();
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    }
  }
}
