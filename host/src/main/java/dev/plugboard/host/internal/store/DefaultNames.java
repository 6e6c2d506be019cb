package dev.plugboard.host.internal.store;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.internal.form.CheckedValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Default connection names that never take over another account's connection. */
public final class DefaultNames {

  /** The connection kept under a default name, and the one it replaced there. */
  public record Kept(Connection connection, Optional<Connection> replaced) {}

  private DefaultNames() {}

  /**
   * Keeps the connection {@code make} builds under the default name ({@code
   * shop/acme-outfitters}), unless that name already holds another account's connection
   * (two shops may share a name): then under the same with {@code -2}, {@code -3} ... Connecting
   * the same account again keeps its name, and so replaces its connection. Each name is taken in
   * one atomic update of the store, so two connects at once never take the same name for two accounts.
   *
   * @return the connection kept, and the one of the same account it replaced if any
   */
  public static Kept keep(ConnectionStore store, ConnectorDescriptor descriptor, Account account,
      CheckedValues checked, Function<String, Connection> make) {
    String base = ConnectionNames.defaultName(descriptor.id(), account, checked.fields(), checked.secretFields());
    String candidate = base;
    for (int n = 2; ; n++) {
      Connection connection = make.apply(candidate);
      AtomicReference<Optional<Connection>> replaced = new AtomicReference<>(Optional.empty());
      Optional<Connection> kept = store.update(candidate, existing -> {
        boolean take = existing.isEmpty() || sameAccount(descriptor, existing.get(), checked);
        replaced.set(take ? existing : Optional.empty());
        return take ? Optional.of(connection) : existing;
      });
      if (kept.isPresent() && kept.get().withVersion(0).equals(connection)) {
        return new Kept(kept.get(), replaced.get());
      }
      String suffix = "-" + n;
      candidate = base.substring(0, Math.min(base.length(), ConnectionNames.MAX_LENGTH - suffix.length())) + suffix;
    }
  }

  /** The same address fields (such as the same API address) reach the same account. */
  private static boolean sameAccount(ConnectorDescriptor descriptor, Connection existing, CheckedValues checked) {
    List<String> addresses = descriptor.fields().stream().filter(f -> f.kind() == FieldKind.URL).map(Field::id).toList();
    List<String> compared = addresses.isEmpty()
        ? descriptor.fields().stream().filter(f -> !f.secret()).map(Field::id).toList()
        : addresses;
    return existing.connector().equals(descriptor.id())
        && compared.stream().allMatch(id -> Objects.equals(existing.values().get(id), checked.fields().get(id)));
  }
}
