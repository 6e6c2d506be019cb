package dev.plugboard.bigcommerce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * BigCommerce's API as its own OpenAPI files describe it, answered by Stoplight Prism (one
 * {@code prism mock --errors} process per file), behind a loopback router that takes the store's
 * paths ({@code /stores/{hash}/v2|v3/...}) to the file describing them. A test can force the
 * status of one path's answer to any status its operation defines (Prism's {@code Prefer: code=N}).
 *
 * <p>Needs Prism 5 on the PATH (or in env {@code PLUGBOARD_PRISM}): {@code npm install -g
 * @stoplight/prism-cli@5.14.2}; {@code .ci/run} installs it.
 */
final class OpenApiMock implements AutoCloseable {

  private static final Path SPECS = OpenApiFiles.SPECS;

  private static final Duration START = Duration.ofSeconds(240);

  /** One OpenAPI file and the port of its Prism. */
  record Spec(OpenApiFiles.Spec file, int port) {}

  private final List<Spec> specs = new ArrayList<>();
  private final List<Process> prisms = new ArrayList<>();
  private final Map<String, Integer> forced = new ConcurrentHashMap<>();
  private final Map<String, Integer> answered = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final HttpServer router;
  private final Path logs;

  private OpenApiMock(Path logs) throws IOException {
    this.logs = logs;
    this.router = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    router.setExecutor(Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "openapi-router");
      thread.setDaemon(true);
      return thread;
    }));
    router.createContext("/", this::route);
  }

  /**
   * Starts the router and one Prism for each file of {@link #SPECS} that describes one of
   * {@code calls} (paths below the store, such as {@code v3/catalog/summary}); their logs go to
   * {@code logs}.
   */
  static OpenApiMock start(Path logs, Set<String> calls) throws IOException, InterruptedException {
    OpenApiMock mock = new OpenApiMock(logs);
    try {
      mock.startPrisms(calls);
      mock.router.start();
      return mock;
    } catch (IOException | InterruptedException | RuntimeException e) {
      mock.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:PORT}, for the allow-list. */
  String address() {
    return "127.0.0.1:" + router.getAddress().getPort();
  }

  /** The spec and operation path that answer {@code version}/{@code path}, such as {@code v3}, {@code /catalog/summary}. */
  Optional<Map.Entry<Spec, String>> operation(String version, String path) {
    return specs.stream()
        .filter(spec -> spec.file().version().equals(version))
        .flatMap(spec -> spec.file().getStatuses().keySet().stream()
            .filter(template -> OpenApiFiles.matches(path, template))
            .map(template -> Map.entry(spec, template)))
        .max(Comparator.comparingLong(entry -> literalSegments(entry.getValue())));
  }

  /** From now on, answers to {@code path} (below the version, such as {@code /catalog/summary}) have {@code status}. */
  void force(String path, int status) {
    forced.put(path, status);
  }

  /** Every answer as Prism chooses it (its first 2xx example). */
  void forceNothing() {
    forced.clear();
    answered.clear();
  }

  /**
   * The status of the last answer to {@code path} since {@link #forceNothing()}. Prism does not
   * always give the status asked for (when the operation's answer for it has no content of the
   * type the client accepts, it answers with another), so a test compares with this.
   */
  Optional<Integer> lastAnswerTo(String path) {
    return Optional.ofNullable(answered.get(path));
  }

  @Override
  public void close() {
    router.stop(0);
    prisms.forEach(Process::destroy);
    for (Process prism : prisms) {
      try {
        if (!prism.waitFor(10, TimeUnit.SECONDS)) {
          prism.destroyForcibly();
        }
      } catch (InterruptedException e) {
        prism.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void startPrisms(Set<String> calls) throws IOException, InterruptedException {
    String prism = prismCommand();
    Set<Integer> ports = new java.util.HashSet<>();
    for (OpenApiFiles.Spec file : OpenApiFiles.read()) {
      specs.add(new Spec(file, freePort(ports)));
    }
    Set<Spec> used = new java.util.LinkedHashSet<>();
    for (String call : calls) {
      int slash = call.indexOf('/');
      used.add(operation(call.substring(0, slash), call.substring(slash)).orElseThrow(() ->
          new IllegalArgumentException("no OpenAPI file in " + SPECS + " describes " + call)).getKey());
    }
    specs.retainAll(used);
    CountDownLatch listening = new CountDownLatch(specs.size());
    for (Spec spec : specs) {
      Path file = SPECS.resolve(spec.file().name());
      int port = spec.port();
      Process process = new ProcessBuilder(prism, "mock", "--errors", "-h", "127.0.0.1", "-p", Integer.toString(port),
          file.toAbsolutePath().toString())
          .redirectErrorStream(true)
          .start();
      prisms.add(process);
      Path log = logs.resolve(file.getFileName() + ".log");
      Thread reader = new Thread(() -> copyUntilListening(process, log, listening), "prism-log");
      reader.setDaemon(true);
      reader.start();
    }
    if (!listening.await(START.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("Prism did not start within " + START.toSeconds() + " s; its logs are in " + logs);
    }
  }

  private static void copyUntilListening(Process process, Path log, CountDownLatch listening) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log)) {
      boolean told = false;
      for (String line; (line = lines.readLine()) != null; ) {
        out.write(line);
        out.newLine();
        out.flush();
        if (!told && line.contains("Prism is listening")) {
          listening.countDown();
          told = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String[] parts = rawPath.split("/", 5); // "", stores, hash, version, rest
      Optional<Map.Entry<Spec, String>> operation = parts.length == 5 && parts[1].equals("stores")
          ? operation(parts[3], "/" + parts[4])
          : Optional.empty();
      if (operation.isEmpty()) {
        send(exchange, 404, "{\"status\":404,\"title\":\"no OpenAPI file describes " + rawPath + "\"}");
        return;
      }
      String rest = "/" + parts[4];
      String query = exchange.getRequestURI().getRawQuery();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operation.get().getKey().port()
          + rest + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(30))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
      for (String header : List.of("X-Auth-Token", "Accept", "Content-Type")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      Integer status = forced.get(rest);
      if (status != null) {
        request.header("Prefer", "code=" + status);
      }
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      answered.put(rest, answer.statusCode());
      log(exchange.getRequestMethod() + " " + rest + (status == null ? "" : " forced " + status) + " -> "
          + operation.get().getKey().file().name() + " " + answer.statusCode());
      answer.headers().firstValue("content-type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      byte[] body = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** One line of the router's log, {@code router.log} beside Prism's. */
  private synchronized void log(String line) {
    try {
      Files.writeString(logs.resolve("router.log"), line + System.lineSeparator(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static long literalSegments(String template) {
    return Stream.of(template.split("/")).filter(segment -> !segment.startsWith("{")).count();
  }

  private static String prismCommand() {
    String given = System.getenv("PLUGBOARD_PRISM");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, "prism"))) {
        return Path.of(folder, "prism").toString();
      }
    }
    throw new IllegalStateException("these tests need Stoplight Prism 5 (the OpenAPI mock server) on the PATH or in"
        + " env PLUGBOARD_PRISM: npm install -g @stoplight/prism-cli@5.14.2 (.ci/run installs it)");
  }

  /**
   * A port free now and not among {@code taken}, which it joins: the system may hand out a port it
   * just gave again once it is released, and two Prisms on one port leave one never listening.
   */
  private static int freePort(Set<Integer> taken) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (taken.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }
}
