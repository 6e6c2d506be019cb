package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.testing.InMemoryConnectionStore;
import dev.plugboard.host.testing.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlugboardBuilderTest {

  @TempDir Path plugins;

  @Test
  void anApplicationStoreAndAKeyForPlugboardsOwnStoreCannotBeGivenTogether() {
    assertThatThrownBy(() -> Plugboard.builder().pluginsDir(plugins)
            .connectionStore(new InMemoryConnectionStore()).aead(TestKeys.applicationAead()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("connectionStore and aead are both set: aead is the key of Plugboard's own file store, which an"
            + " application store replaces; set one of them");
  }
}
