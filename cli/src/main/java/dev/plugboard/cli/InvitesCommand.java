package dev.plugboard.cli;

import dev.plugboard.host.JsonOutput;
import dev.plugboard.web.Invite;
import dev.plugboard.web.Invites;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard invites [--json]}: the invites made, with their state. */
@Command(addMethodSubcommands = false, name = "invites", mixinStandardHelpOptions = true,
    description = "Lists the invites of `plugboard invite`: open, expired, spent (with the connection made) or used up.")
final class InvitesCommand implements Callable<Integer> {


  @ParentCommand PlugboardCommand plugboard;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    List<Invite> invites = Invites.in(plugboard.home()).list();
    Instant now = Instant.now();
    PrintWriter out = plugboard.environment.out();
    if (json) {
      out.println(JsonOutput.write(Map.of("invites", invites.stream().map(i -> summary(i, now)).toList())));
      return ExitCode.OK;
    }
    if (invites.isEmpty()) {
      out.println("No invites made in " + plugboard.home().toAbsolutePath().normalize() + ". Make one with: plugboard invite CONNECTOR");
      return ExitCode.OK;
    }
    String row = "%-12s  %-12s  %-8s  %-20s  %-13s  %s%n";
    out.printf(row, "INVITE", "CONNECTOR", "STATE", "EXPIRES", "VERIFICATIONS", "CONNECTION");
    for (Invite invite : invites) {
      out.printf(row, invite.id(), invite.connector(), state(invite, now),
          Times.format(invite.expiresAt()), invite.verifications() + " of " + Invites.MAX_VERIFICATIONS,
          invite.connection().orElse(invite.name().map(n -> "(" + n + ")").orElse("")));
    }
    return ExitCode.OK;
  }

  private static String state(Invite invite, Instant now) {
    return invite.state(now).name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static Map<String, Object> summary(Invite invite, Instant now) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", invite.id());
    entry.put("connector", invite.connector());
    entry.put("state", state(invite, now).replace(' ', '_'));
    entry.put("name", invite.name().orElse(null));
    entry.put("createdAt", invite.createdAt().toString());
    entry.put("expiresAt", invite.expiresAt().toString());
    entry.put("verifications", invite.verifications());
    entry.put("spentAt", invite.spentAt().map(Instant::toString).orElse(null));
    entry.put("connection", invite.connection().orElse(null));
    return entry;
  }
}
