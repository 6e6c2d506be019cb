package dev.plugboard.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.ConnectionNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One-time links that let a store owner connect their store without an account of their own,
 * kept in the home folder beside the connections: of each token only its SHA-256 hash is kept.
 * A link expires, allows {@value #MAX_VERIFICATIONS} verifications, and is spent only by the
 * request that stores the connection (opening it, or a chat's link preview, never spends it).
 *
 * <pre>{@code
 * Invites invites = Invites.in(Path.of("/var/lib/bookkeeping/plugboard"));
 * Invites.Created created = invites.create(plugboard.describe("shop"), "shop/acme", Duration.ofHours(1));
 * URI link = created.link(URI.create("https://books.example/connect/"));   // send it; it is shown once
 * ConnectPages pages = ConnectPages.builder(plugboard).invites(invites).build();
 * }</pre>
 */
public final class Invites {

  /** How many verifications one invite allows, Connect's included. */
  public static final int MAX_VERIFICATIONS = 10;
  /** The longest an invite may stay open. */
  public static final Duration MAX_TTL = Duration.ofDays(30);

  static final String FILE = "invites.json";
  static final String ADDRESS_FILE = "serve-address";

  private final Path home;
  private final Clock clock;

  private Invites(Path home, Clock clock) {
    this.home = home.toAbsolutePath().normalize();
    this.clock = clock;
  }

  /** The invites kept in {@code home}, the folder Plugboard keeps its connections in. */
  public static Invites in(Path home) {
    return new Invites(Objects.requireNonNull(home, "home == null"), Clock.systemUTC());
  }

  /** {@link #in(Path)}, judging expiry by {@code clock}. */
  public static Invites in(Path home, Clock clock) {
    return new Invites(Objects.requireNonNull(home, "home == null"), Objects.requireNonNull(clock, "clock == null"));
  }

  /** A new invite, and its token: shown this once, never kept. */
  public record Created(Invite invite, String token) {

    /** The link to send: {@code base} (where the pages are mounted) then {@code invites/TOKEN}. */
    public URI link(URI base) {
      String text = base.toString();
      return URI.create((text.endsWith("/") ? text : text + "/") + "invites/" + token);
    }

    @Override
    public String toString() {
      return "Created[" + invite + ", token=…]";
    }
  }

  /**
   * Makes an invite to connect {@code connector}'s store.
   *
   * @param name the name to keep the connection under, or {@code null} to name it after the account
   * @throws IllegalArgumentException when {@code ttl} is not positive or longer than {@link #MAX_TTL}
   * @throws dev.plugboard.host.InvalidConnectionNameException when {@code name} breaks the naming rules
   */
  public Created create(ConnectorDescriptor connector, String name, Duration ttl) {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(ttl, "ttl == null");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("an invite's time to live must be more than 0 and at most 30 days: " + ttl);
    }
    if (name != null) {
      ConnectionNames.requireValid(name, connector.id());
    }
    String token = Sessions.token();
    Instant now = clock.instant();
    Invite invite = new Invite(hash(token).substring(0, 12), connector.id(), Optional.ofNullable(name), now, now.plus(ttl),
        0, Optional.empty(), Optional.empty());
    update(all -> {
      List<Stored> more = new ArrayList<>(all);
      more.add(new Stored(hash(token), invite));
      return more;
    });
    return new Created(invite, token);
  }

  /** Every invite kept, oldest first. */
  public List<Invite> list() {
    return read().stream().map(Stored::invite).toList();
  }

  /** The invite whose link holds {@code token}, if any. */
  Optional<Invite> find(String token) {
    String hash = hash(token);
    return read().stream().filter(stored -> stored.matches(hash)).map(Stored::invite).findFirst();
  }

  /**
   * Counts one verification against the invite, if it is still open.
   *
   * @return the invite as it was before, to say why it cannot be used when it is not open
   */
  Invite useForVerification(String token) {
    return change(token, invite -> invite.state(clock.instant()) != Invite.State.OPEN ? invite
        : new Invite(invite.id(), invite.connector(), invite.name(), invite.createdAt(), invite.expiresAt(),
            invite.verifications() + 1, invite.spentAt(), invite.connection()));
  }

  /** Spends the invite on the connection stored through it. */
  void spend(String token, String connectionName) {
    change(token, invite -> new Invite(invite.id(), invite.connector(), invite.name(), invite.createdAt(),
        invite.expiresAt(), invite.verifications(), Optional.of(clock.instant()), Optional.of(connectionName)));
  }

  Instant now() {
    return clock.instant();
  }

  /** Where a running server announced its pages, for links made while it runs. */
  public Optional<URI> announced() {
    Path file = home.resolve(ADDRESS_FILE);
    try {
      return Files.isRegularFile(file) ? Optional.of(URI.create(Files.readString(file, UTF_8).strip())) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Announces {@code uri} as where the pages are until the returned action is run. */
  public Runnable announce(URI uri) {
    Path file = home.resolve(ADDRESS_FILE);
    write(file, uri.toString() + "\n");
    return () -> {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
      }
    };
  }

  private Invite change(String token, UnaryOperator<Invite> change) {
    String hash = hash(token);
    Invite[] before = new Invite[1];
    update(all -> all.stream().map(stored -> {
      if (!stored.matches(hash)) {
        return stored;
      }
      before[0] = stored.invite();
      return new Stored(stored.hash(), change.apply(stored.invite()));
    }).toList());
    if (before[0] == null) {
      throw new IllegalStateException("no invite for this link");
    }
    return before[0];
  }

  private record Stored(String hash, Invite invite) {
    boolean matches(String other) {
      return MessageDigest.isEqual(hash.getBytes(UTF_8), other.getBytes(UTF_8));
    }
  }

  private List<Stored> read() {
    synchronized (Invites.class) {
      try (FileChannel lock = lockFile(); FileLock held = lock.lock()) {
        return load();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the invites in " + home + ": " + e.getMessage(), e);
      }
    }
  }

  private void update(UnaryOperator<List<Stored>> change) {
    synchronized (Invites.class) {
      try (FileChannel lock = lockFile(); FileLock held = lock.lock()) {
        save(change.apply(load()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the invites in " + home + ": " + e.getMessage(), e);
      }
    }
  }

  private FileChannel lockFile() throws IOException {
    Files.createDirectories(home);
    return FileChannel.open(home.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private List<Stored> load() throws IOException {
    Path file = home.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file, UTF_8));
    } catch (RuntimeException e) {
      throw new IOException(file + " is damaged (not the JSON Plugboard writes); move it away to start afresh");
    }
    List<Stored> all = new ArrayList<>();
    for (JsonNode node : root.path("invites")) {
      all.add(new Stored(node.get("hash").asString(), new Invite(node.get("id").asString(), node.get("connector").asString(),
          optional(node, "name"), Instant.parse(node.get("createdAt").asString()),
          Instant.parse(node.get("expiresAt").asString()), node.get("verifications").asInt(),
          optional(node, "spentAt").map(Instant::parse), optional(node, "connection"))));
    }
    return all;
  }

  private void save(List<Stored> all) {
    ObjectNode root = Json.object();
    ArrayNode invites = root.putArray("invites");
    for (Stored stored : all) {
      Invite invite = stored.invite();
      ObjectNode node = invites.addObject().put("id", invite.id()).put("hash", stored.hash())
          .put("connector", invite.connector()).put("createdAt", invite.createdAt().toString())
          .put("expiresAt", invite.expiresAt().toString()).put("verifications", invite.verifications());
      invite.name().ifPresent(name -> node.put("name", name));
      invite.spentAt().ifPresent(spent -> node.put("spentAt", spent.toString()));
      invite.connection().ifPresent(connection -> node.put("connection", connection));
    }
    write(home.resolve(FILE), root.toString() + "\n");
  }

  /** Written whole or not at all: a temporary file beside it, then renamed over it. */
  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
          channel.write(UTF_8.encode(text));
          channel.force(true);
        }
        try {
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> optional(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
