package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * How to notice that a connection was granted more than it asked for: warned about, with what to
 * change, never a failure.
 *
 * @param listed with {@code scopeListing}: the words for a listed scope that no declared scope
 *     names; its message may name {@code {excess.ids}}
 * @param calls calls whose answers show excess permission
 */
public record Excess(Optional<Notice> listed, List<ExcessCall> calls) {

  public Excess {
    listed = Checks.optional(listed);
    calls = Checks.list(calls, "calls");
  }

  /**
   * A warning's words.
   *
   * @param message what was found
   * @param remediation what to do about it
   */
  public record Notice(String message, Remediation remediation) {

    public Notice {
      Checks.requireText(message, "message");
      if (remediation == null) {
        throw new InvalidDescriptorException("remediation is missing: say what to do about it");
      }
    }
  }
}
