package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class TemplateTest {

  @Test
  void listsItsPlaceholdersInOrderAndRendersThem() {
    Template template = Template.parse("{api_path.origin}/stores/{api_path.store_hash}/", "baseUrl");

    assertThat(template.placeholders()).containsExactly("api_path.origin", "api_path.store_hash");
    assertThat(template.render(Map.of("api_path.origin", "https://api.example", "api_path.store_hash", "abc123")::get))
        .isEqualTo("https://api.example/stores/abc123/");
  }

  @Test
  void rendersValuesHoldingDollarsAndBackslashesLiterally() {
    assertThat(Template.parse("Bearer {token}", "h").render(name -> "a$1\\b")).isEqualTo("Bearer a$1\\b");
  }

  @Test
  void refusesAnUnmatchedBraceNamingWhereItIs() {
    assertThatThrownBy(() -> Template.parse("v3/{orders", "scopes[0].probe.path"))
        .isInstanceOf(InvalidDescriptorException.class)
        .hasMessage("scopes[0].probe.path has an unmatched { or }: v3/{orders");
  }

  @Test
  void refusesAPlaceholderThatIsNotAName() {
    assertThatThrownBy(() -> Template.parse("{Access Token}", "headers.X-Auth-Token"))
        .hasMessageContaining("has a placeholder {Access Token}; write {field} or {field.part}");
  }
}
