package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

final class MultiplexedOriginsTest {

  private final MultiplexedOrigins known = new MultiplexedOrigins(3);

  @Test
  void anOriginSeenSpeakingHttp2IsKnownForEveryPathButNotOnAnotherPortOrScheme() {
    known.saw(HttpUrl.get("https://api.example.com/stores/abc123/v2/time"), Protocol.HTTP_2);

    assertThat(known.multiplexed(HttpUrl.get("https://api.example.com/stores/xyz789/v3/catalog?limit=1"))).isTrue();
    assertThat(known.multiplexed(HttpUrl.get("https://api.example.com:8443/stores/abc123/"))).isFalse();
    assertThat(known.multiplexed(HttpUrl.get("http://api.example.com:443/stores/abc123/"))).isFalse();
    assertThat(known.multiplexed(HttpUrl.get("https://other.example.com/"))).isFalse();
  }

  @Test
  void anOriginSeenSpeakingHttp11SinceIsForgotten() {
    HttpUrl origin = HttpUrl.get("https://shop.example.com/wp-json/");
    known.saw(origin, Protocol.HTTP_2);

    known.saw(origin, Protocol.HTTP_1_1);

    assertThat(known.multiplexed(origin)).isFalse();
    assertThat(known.size()).isZero();
  }

  @Test
  void pastItsCapacityTheOriginSeenLongestAgoGoes() {
    for (String host : new String[] {"a.example.com", "b.example.com", "c.example.com"}) {
      known.saw(HttpUrl.get("https://" + host + "/"), Protocol.HTTP_2);
    }
    assertThat(known.multiplexed(HttpUrl.get("https://a.example.com/"))).isTrue(); // a is now the latest seen

    known.saw(HttpUrl.get("https://d.example.com/"), Protocol.HTTP_2);

    assertThat(known.size()).isEqualTo(3);
    assertThat(known.multiplexed(HttpUrl.get("https://b.example.com/"))).isFalse();
    assertThat(known.multiplexed(HttpUrl.get("https://a.example.com/"))).isTrue();
    assertThat(known.multiplexed(HttpUrl.get("https://d.example.com/"))).isTrue();
  }

  @Test
  void theProcessWideMemoryHoldsAFewThousandOriginsAtMost() {
    MultiplexedOrigins process = new MultiplexedOrigins(MultiplexedOrigins.CAPACITY);
    for (int i = 0; i < 3 * MultiplexedOrigins.CAPACITY; i++) {
      process.saw(HttpUrl.get("https://store-" + i + ".example.com/"), Protocol.HTTP_2);
    }

    assertThat(process.size()).isEqualTo(MultiplexedOrigins.CAPACITY);
    assertThat(MultiplexedOrigins.CAPACITY).isBetween(1000, 10_000);
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new MultiplexedOrigins(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be at least 1: 0");
  }
}
