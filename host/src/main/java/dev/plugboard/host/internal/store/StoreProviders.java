package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.spi.ConnectionStoreProvider;
import dev.plugboard.host.spi.StoreContext;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@link ConnectionStoreProvider} that opens a store URL. */
public final class StoreProviders {

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z][A-Za-z0-9+.-]*:)?)");

  private StoreProviders() {}

  /**
   * The store {@code url} names.
   *
   * @throws PlugboardException when no provider on the class path accepts it; the message names its
   *     scheme only, since the rest may hold a password
   */
  public static ConnectionStore open(String url, StoreContext context) {
    List<ConnectionStoreProvider> providers = ServiceLoader.load(ConnectionStoreProvider.class,
        StoreProviders.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
    for (ConnectionStoreProvider provider : providers) {
      if (provider.accepts(url)) {
        return provider.open(url, context);
      }
    }
    throw new PlugboardException("no connection store on the class path opens a store URL " + scheme(url)
        + (providers.isEmpty() ? " (none is installed)" : " (installed: "
            + String.join(", ", providers.stream().map(ConnectionStoreProvider::description).toList()) + ")")
        + ": use jdbc:postgresql://HOST/DATABASE or jdbc:sqlite:FILE with plugboard-store-jdbc on the class path,"
        + " or leave the store unset for the file store in the home folder");
  }

  /** What a URL may show in a message: its scheme ({@code jdbc:postgresql:}), never a password in the rest. */
  public static String scheme(String url) {
    Matcher scheme = SCHEME.matcher(url);
    return scheme.find() ? "starting " + scheme.group(1) : "that has no scheme";
  }
}
