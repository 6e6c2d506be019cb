package dev.plugboard.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browsers that opened a page: each a random cookie, a CSRF token every POST must carry, and
 * the values read from a dropped credentials file, kept here so that no secret goes back to the
 * browser. Bounded in number and idle time; memory only.
 */
final class Sessions {

  static final String COOKIE = "plugboard_session";
  static final int MAX = 10_000;
  static final Duration IDLE = Duration.ofHours(2);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, Session> byId = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
      return size() > MAX;
    }
  });

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /** The session the request's cookie names, if it is still open. */
  Optional<Session> find(String cookieHeader) {
    String id = cookie(cookieHeader);
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (session.idleSince(clock.instant()).compareTo(IDLE) > 0) {
      byId.remove(id);
      return Optional.empty();
    }
    session.touch(clock.instant());
    return Optional.of(session);
  }

  Session open() {
    Session session = new Session(token(), token(), clock.instant());
    byId.put(session.id(), session);
    return session;
  }

  /** 256 random bits, URL-safe. */
  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String cookie(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String pair = part.strip();
      if (pair.startsWith(COOKIE + "=")) {
        return pair.substring(COOKIE.length() + 1);
      }
    }
    return null;
  }

  /** One browser's session. */
  static final class Session {
    private final String id;
    private final String csrf;
    private Instant lastSeen;
    private final Map<String, Map<String, String>> fileValues = new LinkedHashMap<>();

    private Session(String id, String csrf, Instant now) {
      this.id = id;
      this.csrf = csrf;
      this.lastSeen = now;
    }

    String id() {
      return id;
    }

    String csrf() {
      return csrf;
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(token.getBytes(UTF_8),
          csrf.getBytes(UTF_8));
    }

    synchronized void rememberFile(String connectorId, Map<String, String> values) {
      fileValues.put(connectorId, Map.copyOf(values));
    }

    synchronized Map<String, String> fileValues(String connectorId) {
      return fileValues.getOrDefault(connectorId, Map.of());
    }

    synchronized void forgetFile(String connectorId) {
      fileValues.remove(connectorId);
    }

    private synchronized Duration idleSince(Instant now) {
      return Duration.between(lastSeen, now);
    }

    private synchronized void touch(Instant now) {
      lastSeen = now;
    }

    @Override
    public String toString() {
      return "Session[…]";
    }
  }
}
