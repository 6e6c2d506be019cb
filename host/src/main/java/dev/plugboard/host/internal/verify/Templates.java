package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One descriptor's templates, each parsed once and kept for every later verification with it:
 * the base URL, headers, call paths and texts are read from the same few dozen strings on every
 * run. Made at the connector's first verification (a command that never verifies never pays for
 * it); the descriptor's own checks at load have already refused a template that does not parse.
 */
final class Templates {

  private final Map<String, Template> parsed = new ConcurrentHashMap<>();

  /** {@code source} parsed; {@code where} names it in the message should it not parse. */
  Template get(String source, String where) {
    Template template = parsed.get(source);
    return template != null ? template : parsed.computeIfAbsent(source, text -> Template.parse(text, where));
  }
}
