package dev.plugboard.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.spi.StoreContext;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The database a store works in: its pool, its dialect, and how messages name it (never with a
 * password). Opened from a URL, it owns a HikariCP pool, closed with it.
 */
final class Database implements AutoCloseable {

  static final String PASSWORD_VARIABLE = "PLUGBOARD_STORE_PASSWORD";
  static final String USER_VARIABLE = "PLUGBOARD_STORE_USER";
  private static final int LOGIN_TIMEOUT_SECONDS = 10;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String description;
  private final AutoCloseable pool;

  private Database(DataSource dataSource, Dialect dialect, String description, AutoCloseable pool) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.description = description;
    this.pool = pool;
  }

  /** The database behind the application's own pool, its dialect asked of the driver. */
  static Database of(DataSource dataSource) {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      Dialect dialect = Dialect.ofProduct(product).orElseThrow(() -> new ConnectionStoreException(
          "the pool given to JdbcConnectionStore reaches " + product + "; Plugboard's database store works with"
              + " PostgreSQL and SQLite"));
      return new Database(dataSource, dialect, dialect + " database " + safeUrl(connection), () -> {});
    } catch (SQLException e) {
      throw new ConnectionStoreException("cannot reach the database of the pool given to JdbcConnectionStore: "
          + describe(e), e);
    }
  }

  /**
   * A pool of its own over {@code url}, once one connection has been made: an unreachable server or
   * a refused password is told now, in words, not at the first query.
   */
  static Database open(JdbcUrl url, StoreContext context) {
    Properties properties = new Properties();
    String driverUrl = url.url();
    int poolSize;
    if (url.dialect() == Dialect.SQLITE) {
      Path file = url.sqliteFile();
      createOwnerOnly(file);
      int options = url.url().indexOf('?');
      driverUrl = "jdbc:sqlite:" + file + (options < 0 ? "" : url.url().substring(options));
      // WAL: readers do not wait for the writer; a writer waits its turn rather than failing busy.
      properties.setProperty("journal_mode", "WAL");
      properties.setProperty("busy_timeout", "30000");
      properties.setProperty("synchronous", "NORMAL");
      poolSize = 4;
    } else {
      url.user().or(() -> context.environment(USER_VARIABLE)).ifPresent(user -> properties.setProperty("user", user));
      context.environment(PASSWORD_VARIABLE).ifPresent(password -> properties.setProperty("password", password));
      properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
      properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
      properties.setProperty("ApplicationName", "plugboard");
      poolSize = 8;
    }
    String description = url.toString();
    try (java.sql.Connection first = DriverManager.getConnection(driverUrl, properties)) {
      first.getMetaData();
    } catch (SQLException e) {
      throw new ConnectionStoreException("cannot reach the connection store " + description + ": " + describe(e)
          + (url.dialect() == Dialect.POSTGRESQL ? ". Check the host, port and database, that the server runs, and"
              + " the user (?user= in the URL, or " + USER_VARIABLE + ") and password (" + PASSWORD_VARIABLE + ")"
              : ". Check that the file's folder exists and you may write to it"), e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(driverUrl);
    config.setDataSourceProperties(properties);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setPoolName("plugboard-store");
    config.setConnectionTimeout(LOGIN_TIMEOUT_SECONDS * 1000L);
    config.setInitializationFailTimeout(-1);
    HikariDataSource pool = new HikariDataSource(config);
    return new Database(pool, url.dialect(), description, pool);
  }

  DataSource dataSource() {
    return dataSource;
  }

  Dialect dialect() {
    return dialect;
  }

  /** How messages name it: the URL (which holds no password) or the SQLite file. */
  String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new ConnectionStoreException("cannot close the pool of " + description + ": " + e.getMessage(), e);
    }
  }

  /** A driver's failure in words: its message, and PostgreSQL's SQL state where it has one. */
  static String describe(SQLException e) {
    String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()).strip();
    return e.getSQLState() == null ? message : message + " (SQL state " + e.getSQLState() + ")";
  }

  private static String safeUrl(java.sql.Connection connection) throws SQLException {
    String url = connection.getMetaData().getURL();
    return url == null ? "(its URL unknown)" : url.replaceAll("(?i)([?&;](password|pass|pwd)=)[^&;]*", "$1…");
  }

  /** An SQLite file made readable by its owner only, before the driver makes it with the default mode. */
  private static void createOwnerOnly(Path file) {
    Path folder = file.getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new ConnectionStoreException("cannot open the connection store SQLite file " + file + ": folder " + folder
          + " does not exist. Create it, or name a file in an existing folder");
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (FileAlreadyExistsException e) {
      // an existing store
    } catch (IOException e) {
      throw new ConnectionStoreException("cannot create the connection store SQLite file " + file + " ("
          + e.getClass().getSimpleName() + "): check that you may write to " + folder, e);
    }
  }
}
