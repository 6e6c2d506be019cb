package dev.plugboard.host;

/**
 * A write was refused because the connection changed since it was read: another thread, process
 * or application instance wrote it in between. Nothing was written; read it again, apply the
 * change again, and write that (which is what {@link ConnectionStore#update} does).
 *
 * <p>Versions are {@link Connection#version()}; 0 means none was kept.
 */
public final class ConnectionConflictException extends ConnectionStoreException {

  private final String tenant;
  private final String name;
  private final long expectedVersion;
  private final long keptVersion;

  public ConnectionConflictException(String tenant, String name, long expectedVersion, long keptVersion) {
    super("connection " + name + (ConnectionNames.DEFAULT_TENANT.equals(tenant) ? "" : " of tenant " + tenant)
        + " changed meanwhile: " + described(expectedVersion) + " was expected, " + described(keptVersion)
        + " is kept; nothing was written. Read it again and repeat the change");
    this.tenant = tenant;
    this.name = name;
    this.expectedVersion = expectedVersion;
    this.keptVersion = keptVersion;
  }

  private static String described(long version) {
    return version == 0 ? "none" : "version " + version;
  }

  public String tenant() {
    return tenant;
  }

  public String name() {
    return name;
  }

  /** The version the writer read: 0 when it read none. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version kept when the write was refused: 0 when none is. */
  public long keptVersion() {
    return keptVersion;
  }
}
