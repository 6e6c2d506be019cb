package dev.plugboard.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paged listing: the items, and the cursor that asks for the next page.
 *
 * <pre>{@code
 * ConnectionQuery query = ConnectionQuery.of("customer-42").limit(100);
 * Page<Connection> page = store.list(query);
 * while (true) {
 *   page.items().forEach(this::show);
 *   if (page.next().isEmpty()) break;
 *   page = store.list(query.after(page.next().get()));
 * }
 * }</pre>
 *
 * @param items the items of this page, in the listing's order
 * @param next the cursor to pass as {@link ConnectionQuery#after(String)} for the next page (the
 *     last item's name); empty when this page is the last
 */
public record Page<T>(List<T> items, Optional<String> next) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next == null: use Optional.empty() for the last page");
  }

  /** The last page, holding {@code items}. */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }
}
