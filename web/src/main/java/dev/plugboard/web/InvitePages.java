package dev.plugboard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What an invite's link says when it can no longer be used, and whom to ask. */
final class InvitePages {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private InvitePages() {}

  /** A page's title and words. */
  record Closed(int status, String title, String message, String next) {}

  static final Closed UNKNOWN = new Closed(404, "This link is not known",
      "This connect link does not exist here. It may have been cut short when it was copied, or it was made for another server.",
      "Ask whoever sent it to you for a new link.");

  static Closed closed(Invite invite, Instant now) {
    return switch (invite.state(now)) {
      case EXPIRED -> new Closed(410, "This link has expired",
          "This connect link worked until " + WHEN.format(invite.expiresAt()) + " and has expired; nothing was connected with it.",
          "Ask whoever sent it to you for a new link.");
      case SPENT -> new Closed(410, "This link has been used",
          "A store was connected with this link on " + WHEN.format(invite.spentAt().orElseThrow())
              + "; a link connects once.",
          "If that was not you, tell whoever sent you the link at once. If you need to connect again, ask them for a new link.");
      case USED_UP -> new Closed(410, "This link has been tried too often",
          "This connect link was used for " + Invites.MAX_VERIFICATIONS + " checks without connecting, as many as a link allows.",
          "Ask whoever sent it to you for a new link.");
      case OPEN -> throw new IllegalStateException("invite " + invite.id() + " is open");
    };
  }
}
