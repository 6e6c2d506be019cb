package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class DescriptorRecordsTest {

  @Test
  void aFieldIsRequiredAndTrimmedOfQuotesUnlessItSaysOtherwise() {
    Field field = token(null);

    assertThat(field.required()).isTrue();
    assertThat(field.normalize()).containsExactly(Normalization.TRIM, Normalization.STRIP_QUOTES);
  }

  @Test
  void aFieldWithAPatternMustSayItInWords() {
    assertThatThrownBy(() -> new Field("token", "Token", FieldKind.SECRET, true, "help", null, Optional.of("^[a-z]+$"), null,
            null, null, null, null, null, null, null))
        .hasMessage("patternHint (the pattern in words, for users) is missing");
  }

  @Test
  void partsNeedAsManyCapturingGroups() {
    assertThatThrownBy(() -> new Field("api", "API", FieldKind.URL, true, "help", null, Optional.of("^/stores/[a-z]+$"), Optional.of("words"),
            List.of("store_hash"), null, null, null, null, null, null))
        .hasMessage("parts names 1 parts but the pattern has 0 capturing groups");
  }

  @Test
  void urlFieldsOfferTheirUrlPartsAndTheirNamedParts() {
    Field field = new Field("api", "API", FieldKind.URL, true, "help", null, Optional.of("^/stores/([a-z]+)$"), Optional.of("words"),
        List.of("store_hash"), null, null, null, null, null, null);

    assertThat(field.partNames()).containsExactly("origin", "scheme", "host", "port", "store_hash");
  }

  @Test
  void aProbeMayOnlyRead() {
    assertThatThrownBy(() -> new Probe("DELETE", "v3/orders/1", null, null, List.of(204), null))
        .hasMessageContaining("is DELETE, which may change something: say in sideEffectFree why this call changes"
            + " nothing, or use GET or HEAD");
  }

  @Test
  void aProbePathIsRelativeWithoutATrailingSlash() {
    assertThatThrownBy(() -> new Probe("/v3/orders", List.of(200))).hasMessageContaining("no leading /");
    assertThatThrownBy(() -> new Probe("v3/orders/?limit=1", List.of(200)))
        .hasMessageContaining("must not hold // or end in /");
  }

  @Test
  void aProbeMeansMissingOn403UnlessItSaysOtherwise() {
    assertThat(new Probe("v3/orders", List.of(200)).missing()).containsExactly(403);
  }

  @Test
  void aStatusCannotMeanBothGrantedAndMissing() {
    assertThatThrownBy(() -> new Probe("v3/orders", List.of(200, 403)))
        .hasMessage("status 403 is in both granted and missing");
  }

  @Test
  void identityValuesAreJsonPointersAndDefaultsNameThem() {
    assertThatThrownBy(() -> new Identity("v2/store", Map.of("name", "name"), null, "{account.name}"))
        .hasMessageContaining("values.name must be a JSON Pointer such as /name");
    assertThatThrownBy(() -> new Identity("v2/store", Map.of("name", "/name"), Map.of("channel", "1"), "x"))
        .hasMessageContaining("defaults.channel names no entry of values");
  }

  @Test
  void allowedHostsAreBareLowercaseHostNames() {
    assertThatThrownBy(() -> new Http("https://api.example/", List.of("api.example:8443"), null, null, null, null, null))
        .hasMessageContaining("allowedHosts must hold lowercase host names or templates such as {store_url.host} only:"
            + " api.example:8443");
  }

  @Test
  void aRateLimitBurstIsOneCallOrMoreAndMayBeLeftOut() {
    assertThatThrownBy(() -> new RateLimit(Optional.of("X-Left"), null, null, null, null, null, OptionalInt.of(0)))
        .hasMessage("burst must be 1 or more: 0");
    assertThat(new RateLimit(Optional.of("X-Left"), null, null, null, null, null, null).burst()).isEmpty();
  }

  private static Field token(Boolean required) {
    return new Field("token", "Token", FieldKind.SECRET, required, "help", null, null, null, null, null, null, null,
        null, null, null);
  }
}
