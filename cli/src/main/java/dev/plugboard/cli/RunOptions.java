package dev.plugboard.cli;

import dev.plugboard.api.sandbox.SandboxOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code verify} and {@code connect} share, besides the values. */
final class RunOptions {

  @Option(names = "--json", description = "Print one JSON document (the verification report) on stdout.")
  boolean json;

  @Mixin TimeoutOption timeout;

  @Option(
      names = "--sandbox",
      description = "Verify against the connector's sandbox, a stand-in for the platform started on this machine"
          + " for this run; its account's values are offered as the defaults.")
  boolean sandbox;

  @Option(
      names = "--sandbox-scopes",
      paramLabel = "LIST",
      split = ",",
      description = "With --sandbox: grant only these scopes (names or ids, comma-separated), to see what a missing"
          + " scope looks like.")
  List<String> sandboxScopes = new ArrayList<>();

  /** What the sandbox should grant, when {@code --sandbox} is given. */
  SandboxOptions sandboxOptions() {
    if (!sandbox && !sandboxScopes.isEmpty()) {
      throw new UsageException("--sandbox-scopes needs --sandbox");
    }
    List<String> scopes = sandboxScopes.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (!sandboxScopes.isEmpty() && scopes.isEmpty()) {
      throw new UsageException("--sandbox-scopes names no scope: give the scopes the sandbox should grant (names or"
          + " ids, comma-separated), or leave the option out for all of them");
    }
    return scopes.isEmpty() ? SandboxOptions.defaults() : SandboxOptions.builder().grant(scopes).build();
  }
}
