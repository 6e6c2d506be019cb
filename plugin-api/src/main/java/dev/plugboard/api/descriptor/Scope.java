package dev.plugboard.api.descriptor;

import java.util.Optional;

/**
 * One permission the connection needs, named exactly as the platform's UI names it.
 *
 * @param name the scope's label in the platform's UI ({@code Orders})
 * @param permission the level to choose there ({@code Read-only})
 * @param id the platform's own scope identifier ({@code store_v2_orders_read_only})
 * @param probe the call that proves it; needed unless the descriptor has a {@code scopeListing}
 * @param remediation what to do when it is missing; the descriptor's {@code scopeRemediation}
 *     unless stated
 */
public record Scope(String name, String permission, String id, Optional<Probe> probe, Optional<Remediation> remediation) {

  public Scope {
    Checks.requireText(name, "name");
    Checks.requireText(permission, "permission");
    Checks.requireText(id, "id");
    probe = Checks.optional(probe);
    remediation = Checks.optional(remediation);
  }
}
