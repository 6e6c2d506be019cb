package dev.plugboard.host.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plugin author's guide in README shows a descriptor that loads, so a newcomer can start from it. */
final class ReadmeDescriptorTest {

  @Test
  void theSmallDescriptorInTheReadmeLoadsAsItIs() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int intro = readme.indexOf("A complete small descriptor");
    int start = readme.indexOf("```yaml\n", intro) + "```yaml\n".length();
    String yaml = readme.substring(start, readme.indexOf("```\n", start));

    ConnectorDescriptor descriptor = Descriptors.parse("readme.yaml", yaml);

    assertThat(descriptor.id()).isEqualTo("shop");
    assertThat(descriptor.hostsFromValues()).isTrue();
    assertThat(descriptor.http().auth().orElseThrow().basic().password()).isEqualTo("{api_secret}");
    assertThat(descriptor.excess().orElseThrow().calls()).extracting(call -> call.method()).containsExactly("POST");
  }
}
