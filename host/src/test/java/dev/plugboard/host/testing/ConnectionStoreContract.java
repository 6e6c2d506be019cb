package dev.plugboard.host.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionConflictException;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.Page;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.VerificationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} must do, as its users see it: tenants kept apart, versions
 * that refuse a stale write instead of losing one, keyset paging in name order, filters, and the
 * due query. A store's test extends this and gives a fresh, empty store per test:
 *
 * <pre>{@code
 * final class SqliteStoreContractTest extends ConnectionStoreContract {
 *   @Override protected ConnectionStore newStore() { return JdbcConnectionStore.open("jdbc:sqlite:" + file, context); }
 * }
 * }</pre>
 *
 * It runs against the file store (host), and SQLite and PostgreSQL (store-jdbc).
 */
public abstract class ConnectionStoreContract {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  protected ConnectionStore store;

  /** A new, empty store, for one test. */
  protected abstract ConnectionStore newStore() throws Exception;

  @BeforeEach
  final void openAnEmptyStore() throws Exception {
    store = newStore();
  }

  @Test
  public void aConnectionKeptIsFoundWhole_secretsIncluded_atVersionOneThenTwo() {
    Connection kept = store.put(TestConnections.connection("bigcommerce/acme").withTenant("customer-42")
        .withNextCheckAt(Optional.of(NOW)));

    assertThat(kept.version()).isEqualTo(1);
    assertThat(store.find("customer-42", "bigcommerce/acme")).contains(kept);
    assertThat(store.find("customer-42", "bigcommerce/acme").orElseThrow().values())
        .containsEntry("access_token", TestConnections.CANARY_TOKEN);

    Connection again = store.put(kept.withNextCheckAt(Optional.empty()));
    assertThat(again.version()).isEqualTo(2);
    assertThat(store.find("customer-42", "bigcommerce/acme")).contains(again);
  }

  @Test
  public void aConnectionMadeAgainstASandboxIsKeptWithItsSandboxAccountAndOneToThePlatformWithout() {
    SandboxAccount orders = new SandboxAccount(Set.of("Orders", "Products"));
    store.put(TestConnections.connection("shop/sandbox").withSandbox(Optional.of(orders)));
    store.put(TestConnections.connection("shop/platform"));

    assertThat(store.get("shop/sandbox").sandbox()).contains(orders);
    assertThat(store.get("shop/platform").sandbox()).isEmpty();
    assertThat(store.update("shop/sandbox", kept -> kept.map(c -> c.withNextCheckAt(Optional.of(NOW)))).orElseThrow()
        .sandbox()).as("kept through an update").contains(orders);
  }

  @Test
  public void oneTenantCannotListReadOverwriteOrRemoveAnothersConnection() {
    Connection ours = store.put(TestConnections.connection("bigcommerce/acme").withTenant("customer-42"));
    Connection theirs = store.put(TestConnections.connection("bigcommerce/acme", "theirtoken00000000000000",
        "theirsecret000000000000").withTenant("customer-7"));

    assertThat(store.find("customer-42", "bigcommerce/acme").orElseThrow().values().get("access_token"))
        .isEqualTo(TestConnections.CANARY_TOKEN);
    assertThat(store.find("customer-7", "bigcommerce/acme").orElseThrow().values().get("access_token"))
        .isEqualTo("theirtoken00000000000000");
    assertThat(store.find("customer-8", "bigcommerce/acme")).isEmpty();
    assertThat(store.list(ConnectionQuery.of("customer-8")).items()).isEmpty();
    assertThat(store.list(ConnectionQuery.of("customer-42")).items()).containsExactly(ours);

    assertThat(store.remove("customer-8", "bigcommerce/acme")).isFalse();
    store.put(ours.withTenant("customer-42"));
    assertThat(store.find("customer-7", "bigcommerce/acme")).contains(theirs);
    assertThat(store.remove("customer-42", "bigcommerce/acme")).isTrue();
    assertThat(store.find("customer-7", "bigcommerce/acme")).contains(theirs);
  }

  @Test
  public void aWriteOfAStaleVersionIsRefusedAndWritesNothing() {
    Connection first = store.put(TestConnections.connection("bigcommerce/acme"));
    Connection second = store.put(withAccount(first, "second"));

    assertThatThrownBy(() -> store.put(withAccount(first, "stale")))
        .isInstanceOfSatisfying(ConnectionConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.keptVersion()).isEqualTo(2);
        });
    assertThatThrownBy(() -> store.put(withAccount(first, "new"), 0)).isInstanceOf(ConnectionConflictException.class);
    assertThatThrownBy(() -> store.remove("default", "bigcommerce/acme", 1)).isInstanceOf(ConnectionConflictException.class);
    assertThat(store.find("bigcommerce/acme")).contains(second);

    assertThat(store.remove("default", "bigcommerce/acme", 2)).isTrue();
    assertThat(store.remove("default", "bigcommerce/acme", 0)).isFalse();
    assertThatThrownBy(() -> store.put(withAccount(first, "gone"), 2))
        .isInstanceOfSatisfying(ConnectionConflictException.class, e -> assertThat(e.keptVersion()).isZero());
    assertThat(store.find("bigcommerce/acme")).isEmpty();
  }

  @Test
  public void updatesRacingOnOneConnectionFromManyThreadsAreAllKept() throws Exception {
    store.put(withAccount(TestConnections.connection("bigcommerce/acme"), "0"));
    int threads = 4;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> racing = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Object> increments = () -> {
          for (int i = 0; i < each; i++) {
            store.update("bigcommerce/acme", kept -> kept.map(c -> withAccount(c,
                String.valueOf(Integer.parseInt(c.account().display()) + 1))));
          }
          return null;
        };
        racing.add(pool.submit(increments));
      }
      for (Future<Object> done : racing) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Connection kept = store.get("bigcommerce/acme");
    assertThat(kept.account().display()).isEqualTo(String.valueOf(threads * each));
    assertThat(kept.version()).isEqualTo(1 + threads * each);
  }

  @Test
  public void pagesFollowOneAnotherInNameOrderWithNoneSkippedOrRepeated() {
    List<String> names = IntStream.range(0, 25).mapToObj(i -> "shop/s" + (char) ('a' + i)).toList();
    for (int i = names.size() - 1; i >= 0; i--) {
      store.put(TestConnections.connection(names.get(i)).withTenant("t1"));
    }
    store.put(TestConnections.connection("shop/zz").withTenant("t2"));

    ConnectionQuery query = ConnectionQuery.of("t1").limit(10);
    Page<Connection> first = store.list(query);
    assertThat(first.items()).extracting(Connection::name).containsExactlyElementsOf(names.subList(0, 10));
    assertThat(first.next()).contains("shop/sj");

    store.put(TestConnections.connection("shop/sa0").withTenant("t1")); // before the cursor: not shown again
    store.put(TestConnections.connection("shop/sk0").withTenant("t1")); // after it: shown once
    Page<Connection> second = store.list(query.after(first.next().get()));
    Page<Connection> third = store.list(query.after(second.next().orElseThrow()));

    List<String> seen = new ArrayList<>();
    List.of(first, second, third).forEach(page -> page.items().forEach(c -> seen.add(c.name())));
    List<String> expected = new ArrayList<>(names);
    expected.add("shop/sk0");
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).isSorted().doesNotHaveDuplicates();
    assertThat(third.next()).isEmpty();
    assertThat(store.list(ConnectionQuery.of("t1").limit(26)).next()).isPresent();
    assertThat(store.list(ConnectionQuery.of("t1").limit(27)).next()).isEmpty();
  }

  @Test
  public void namesAreOrderedAsJavaComparesThem() {
    List<String> names = List.of("a-b", "a.b", "a0", "a_b", "ab", "a/b", "b");
    names.forEach(name -> store.put(TestConnections.connection(name)));

    assertThat(store.list().stream().map(Connection::name).toList()).isSorted().hasSize(names.size());
  }

  @Test
  public void aQueryFiltersByConnectorStatusAndDueTime() {
    store.put(TestConnections.connection("shop/one").withNextCheckAt(Optional.of(NOW.minusSeconds(60))));
    store.put(withStatus(TestConnections.connection("shop/two"), VerificationReport.Status.FAILED)
        .withNextCheckAt(Optional.of(NOW.plusSeconds(60))));
    store.put(withConnector(TestConnections.connection("shop/three"), "woocommerce"));

    assertThat(names(store.list(ConnectionQuery.of("default").connector("bigcommerce")))).containsExactly("shop/one", "shop/two");
    assertThat(names(store.list(ConnectionQuery.of("default").connector("woocommerce")))).containsExactly("shop/three");
    assertThat(names(store.list(ConnectionQuery.of("default").status(VerificationReport.Status.FAILED)))).containsExactly("shop/two");
    assertThat(names(store.list(ConnectionQuery.of("default").dueBefore(NOW)))).containsExactly("shop/one");
    assertThat(names(store.list(ConnectionQuery.of("default").connector("bigcommerce").status(VerificationReport.Status.VERIFIED)
        .dueBefore(NOW.plus(Duration.ofHours(1)))))).containsExactly("shop/one");
  }

  @Test
  public void dueConnectionsOfEveryTenantComeEarliestFirstAndUnscheduledOnesNever() {
    store.put(TestConnections.connection("shop/late").withTenant("t1").withNextCheckAt(Optional.of(NOW.minusSeconds(10))));
    store.put(TestConnections.connection("shop/b").withTenant("t2").withNextCheckAt(Optional.of(NOW.minusSeconds(30))));
    store.put(TestConnections.connection("shop/a").withTenant("t2").withNextCheckAt(Optional.of(NOW.minusSeconds(30))));
    store.put(TestConnections.connection("shop/a").withTenant("t1").withNextCheckAt(Optional.of(NOW.minusSeconds(30))));
    store.put(TestConnections.connection("shop/later").withTenant("t1").withNextCheckAt(Optional.of(NOW.plusSeconds(10))));
    store.put(TestConnections.connection("shop/never").withTenant("t1"));

    assertThat(store.due(NOW, 10)).extracting(c -> c.tenant() + ":" + c.name())
        .containsExactly("t1:shop/a", "t2:shop/a", "t2:shop/b", "t1:shop/late");
    assertThat(store.due(NOW, 2)).extracting(c -> c.tenant() + ":" + c.name()).containsExactly("t1:shop/a", "t2:shop/a");
    assertThat(store.due(NOW.minusSeconds(30), 10)).isEmpty();
    assertThatThrownBy(() -> store.due(NOW, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void anUpdateThatKeepsNothingRemovesAndOneThatRenamesIsRefused() {
    store.put(TestConnections.connection("shop/one"));

    assertThatThrownBy(() -> store.update("shop/one", kept -> kept.map(c -> TestConnections.connection("shop/two"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.update("shop/one", kept -> Optional.empty())).isEmpty();
    assertThat(store.find("shop/one")).isEmpty();
    assertThat(store.update("shop/one", kept -> Optional.of(TestConnections.connection("shop/one"))).orElseThrow().version())
        .isEqualTo(1);
  }

  private static List<String> names(Page<Connection> page) {
    return page.items().stream().map(Connection::name).toList();
  }

  private static Connection withAccount(Connection connection, String display) {
    return new Connection(connection.tenant(), connection.name(), connection.connector(), connection.pluginVersion(),
        connection.values(), connection.secretFields(), new Account(display, Map.of()), connection.scopes(),
        connection.status(), connection.checkedAt(), connection.nextCheckAt(), connection.version());
  }

  private static Connection withStatus(Connection connection, VerificationReport.Status status) {
    return new Connection(connection.tenant(), connection.name(), connection.connector(), connection.pluginVersion(),
        connection.values(), connection.secretFields(), connection.account(), connection.scopes(), status,
        connection.checkedAt(), connection.nextCheckAt(), connection.version());
  }

  private static Connection withConnector(Connection connection, String connector) {
    return new Connection(connection.tenant(), connection.name(), connector, connection.pluginVersion(),
        connection.values(), connection.secretFields(), connection.account(), connection.scopes(),
        connection.status(), connection.checkedAt(), connection.nextCheckAt(), connection.version());
  }
}
