package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Draws a connector's {@link Form} from its descriptor; the host adds nothing a platform would need to know. */
public final class Forms {

  private Forms() {}

  public static Form of(ConnectorDescriptor descriptor, AllowedHosts hosts) {
    List<String> allowed = new ArrayList<>(hosts.descriptorHosts());
    hosts.extraHosts().stream().map(ExtraHost::toString).forEach(allowed::add);
    return new Form(
        descriptor.id(),
        descriptor.name(),
        descriptor.summary(),
        descriptor.fields().stream().map(field -> field(descriptor, field)).toList(),
        allowed,
        descriptor.credentialsFile().map(file -> file.description().strip()),
        FormatPhase.MAX_LENGTH);
  }

  private static FormField field(ConnectorDescriptor descriptor, Field field) {
    OptionalInt step = field.guideStep().stream().mapToInt(descriptor.guide()::number).findFirst();
    return new FormField(
        field.id(),
        field.label(),
        field.kind(),
        field.required(),
        field.help().strip(),
        field.example(),
        field.pattern(),
        field.patternHint().map(String::strip),
        field.normalize(),
        step,
        field.guideStep().flatMap(descriptor.guide()::step).map(GuideStep::title),
        field.fileLabels());
  }
}
