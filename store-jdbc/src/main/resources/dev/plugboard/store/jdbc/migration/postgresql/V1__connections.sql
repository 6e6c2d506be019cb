-- One row per connection. The connection itself, secrets included, is the sealed column: AEAD
-- with associated data binding tenant, name and connector, so a row copied under another tenant,
-- name or connector does not open. The other columns repeat what is not secret, for queries.
CREATE TABLE plugboard_connection (
  tenant        TEXT COLLATE "C" NOT NULL,
  name          TEXT COLLATE "C" NOT NULL,
  connector     TEXT COLLATE "C" NOT NULL,
  sealed        BYTEA NOT NULL,
  account       TEXT NOT NULL,
  status        TEXT NOT NULL,
  checked_at    TIMESTAMPTZ NOT NULL,
  next_check_at TIMESTAMPTZ,
  version       BIGINT NOT NULL CHECK (version > 0),
  PRIMARY KEY (tenant, name)
);

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
  wrapped_data_key BYTEA,
  key_check        BYTEA NOT NULL
);
