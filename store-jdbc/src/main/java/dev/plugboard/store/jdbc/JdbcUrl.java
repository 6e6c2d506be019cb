package dev.plugboard.store.jdbc;

import dev.plugboard.host.ConnectionStoreException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A store URL as the store takes it: {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?OPTIONS]} or
 * {@code jdbc:sqlite:FILE}. A URL holding a password is refused: URLs show in process lists, shell
 * history and logs, so the password comes from {@code PLUGBOARD_STORE_PASSWORD}.
 */
record JdbcUrl(String url, Dialect dialect) {

  private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)[?&;](password|pass|pwd)=");
  private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?]*@", Pattern.CASE_INSENSITIVE);

  JdbcUrl {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(dialect, "dialect == null");
  }

  /** @throws ConnectionStoreException when the URL is not one the store opens, or holds a password */
  static JdbcUrl parse(String url) {
    Objects.requireNonNull(url, "url == null");
    Dialect dialect = Dialect.ofUrl(url).orElseThrow(() -> new ConnectionStoreException(
        "the store URL is neither jdbc:postgresql://HOST/DATABASE nor jdbc:sqlite:FILE"));
    if (PASSWORD_OPTION.matcher(url).find() || USER_INFO.matcher(url).find()) {
      throw new ConnectionStoreException("the store URL holds a password, which would show in process lists, shell"
          + " history and logs: take it out of the URL and set PLUGBOARD_STORE_PASSWORD instead");
    }
    JdbcUrl parsed = new JdbcUrl(url, dialect);
    if (dialect == Dialect.SQLITE) {
      parsed.sqliteFile();
    }
    return parsed;
  }

  /**
   * The SQLite file named by the URL.
   *
   * @throws ConnectionStoreException when the URL names an in-memory database, which would be lost
   */
  Path sqliteFile() {
    String rest = url.substring("jdbc:sqlite:".length());
    int options = rest.indexOf('?');
    String file = options < 0 ? rest : rest.substring(0, options);
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
    }
    if (file.isEmpty() || file.toLowerCase(Locale.ROOT).contains(":memory:") || file.toLowerCase(Locale.ROOT)
        .contains("mode=memory")) {
      throw new ConnectionStoreException("the store URL names an in-memory SQLite database, whose connections would be"
          + " lost when the process ends: name a file, such as jdbc:sqlite:connections.db");
    }
    return Path.of(file).toAbsolutePath().normalize();
  }

  /** The user named in the URL's options ({@code ?user=app}), if any. */
  Optional<String> user() {
    java.util.regex.Matcher user = Pattern.compile("(?i)[?&;]user=([^&;]*)").matcher(url);
    return user.find() ? Optional.of(user.group(1)) : Optional.empty();
  }

  /** The URL as messages may show it: it holds no password (that is refused). */
  @Override
  public String toString() {
    return dialect == Dialect.SQLITE ? "SQLite file " + sqliteFile() : url;
  }
}
