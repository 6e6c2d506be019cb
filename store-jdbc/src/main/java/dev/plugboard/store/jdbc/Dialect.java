package dev.plugboard.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * What differs between the databases the store supports: where their migrations are and how a
 * time is kept (PostgreSQL: {@code timestamptz}; SQLite: microseconds since the epoch). Times are
 * kept to the microsecond in both; the sealed connection keeps them exactly.
 */
enum Dialect {
  POSTGRESQL("postgresql") {
    @Override
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
      statement.setTimestamp(index, Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    Optional<Instant> getInstant(ResultSet row, int index) throws SQLException {
      return Optional.ofNullable(row.getTimestamp(index)).map(Timestamp::toInstant);
    }
  },
  SQLITE("sqlite") {
    @Override
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
      statement.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    @Override
    Optional<Instant> getInstant(ResultSet row, int index) throws SQLException {
      long micros = row.getLong(index);
      return row.wasNull() ? Optional.empty() : Optional.of(Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }
  };

  private final String id;

  Dialect(String id) {
    this.id = id;
  }

  /** The dialect of a JDBC URL ({@code jdbc:postgresql:…} or {@code jdbc:sqlite:…}), if it is one of them. */
  static Optional<Dialect> ofUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (Dialect dialect : values()) {
      if (lower.startsWith("jdbc:" + dialect.id + ":")) {
        return Optional.of(dialect);
      }
    }
    return Optional.empty();
  }

  /** The dialect of a database by the product name its driver reports, if it is one of them. */
  static Optional<Dialect> ofProduct(String productName) {
    String lower = productName.toLowerCase(Locale.ROOT);
    for (Dialect dialect : values()) {
      if (lower.contains(dialect.id)) {
        return Optional.of(dialect);
      }
    }
    return Optional.empty();
  }

  /** The classpath folder of this database's Flyway migrations. */
  String migrations() {
    return "classpath:dev/plugboard/store/jdbc/migration/" + id;
  }

  abstract void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

  abstract Optional<Instant> getInstant(ResultSet row, int index) throws SQLException;

  void setInstant(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
    if (instant.isPresent()) {
      setInstant(statement, index, instant.get());
    } else {
      statement.setNull(index, this == POSTGRESQL ? Types.TIMESTAMP : Types.BIGINT);
    }
  }

  @Override
  public String toString() {
    return this == POSTGRESQL ? "PostgreSQL" : "SQLite";
  }
}
