package dev.plugboard.host;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a name the user gave is a misspelling of one the program knows: the "did you mean" of
 * Plugboard's own messages (an unknown connector id, a values file's key), for an application's
 * or the CLI's messages to suggest names the same way. Messages never repeat what a user gave in
 * the wrong place (it may be a secret pasted there), except a near miss of a known name, which
 * cannot be a secret and is the most useful thing to show.
 *
 * <pre>{@code
 * Misspelling.of("ordres", List.of("orders", "products"))  // Optional[orders]
 * }</pre>
 */
public final class Misspelling {

  /** At most this many letters apart (added, removed or changed). */
  static final int MAX_DISTANCE = 2;

  private Misspelling() {}

  /** The known name {@code given} misspells (or gives in other case), if one is near enough. */
  public static Optional<String> of(String given, Collection<String> known) {
    if (given == null) {
      return Optional.empty();
    }
    String lower = given.toLowerCase(Locale.ROOT).replace('-', '_');
    return known.stream()
        .filter(name -> name.length() > MAX_DISTANCE + 1 && distance(lower, name.toLowerCase(Locale.ROOT).replace('-', '_')) <= MAX_DISTANCE)
        .findFirst();
  }

  /** Levenshtein distance; past {@link #MAX_DISTANCE} apart in length, simply too far. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > MAX_DISTANCE) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
