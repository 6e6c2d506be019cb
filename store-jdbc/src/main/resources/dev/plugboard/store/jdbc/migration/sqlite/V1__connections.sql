-- One row per connection. The connection itself, secrets included, is the sealed column: AEAD
-- with associated data binding tenant, name and connector, so a row copied under another tenant,
-- name or connector does not open. The other columns repeat what is not secret, for queries.
-- Times are microseconds since 1970-01-01 UTC. Text compares as BINARY, as Java compares strings.
CREATE TABLE plugboard_connection (
  tenant        TEXT NOT NULL,
  name          TEXT NOT NULL,
  connector     TEXT NOT NULL,
  sealed        BLOB NOT NULL,
  account       TEXT NOT NULL,
  status        TEXT NOT NULL,
  checked_at    INTEGER NOT NULL,
  next_check_at INTEGER,
  version       INTEGER NOT NULL CHECK (version > 0),
  PRIMARY KEY (tenant, name)
) WITHOUT ROWID;

CREATE INDEX plugboard_connection_by_connector ON plugboard_connection (tenant, connector, name);
CREATE INDEX plugboard_connection_by_status ON plugboard_connection (tenant, status, name);
CREATE INDEX plugboard_connection_due ON plugboard_connection (next_check_at, tenant, name)
  WHERE next_check_at IS NOT NULL;

CREATE INDEX plugboard_connection_unscheduled ON plugboard_connection (tenant, name)
  WHERE next_check_at IS NULL;

-- The data key that seals the rows, wrapped (encrypted) by the application's master key, or
-- absent when the application seals with a key of its own; and a fixed text sealed with the data
-- key, which tells a wrong key apart from altered rows.
CREATE TABLE plugboard_store_key (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  wrapped_data_key BLOB,
  key_check        BLOB NOT NULL
);
