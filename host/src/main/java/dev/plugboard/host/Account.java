package dev.plugboard.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The account a connection reaches, as the platform's identity call named it.
 *
 * @param display how to show it, such as {@code Acme Outfitters (acme.example)}; empty when unknown
 * @param values what the identity call returned, by the descriptor's names ({@code name},
 *     {@code domain}, ...), in declared order
 */
public record Account(String display, Map<String, String> values) {

  /** Nothing is known about the account (the identity phase did not run or was refused). */
  public static final Account UNKNOWN = new Account("", Map.of());

  public Account {
    Objects.requireNonNull(display, "display == null");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public boolean known() {
    return !display.isEmpty() || !values.isEmpty();
  }
}
