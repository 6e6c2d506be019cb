package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** plugboard-bom hands consumers the versions the build pins: each of its versions is the parent's. */
final class BomVersionsTest {

  private static final Pattern PROPERTY = Pattern.compile("<([a-z.-]+\\.version)>([^<]+)</\\1>");
  private static final Pattern PROJECT_VERSION = Pattern.compile("<artifactId>plugboard-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void everyVersionTheBomPinsIsTheOneTheBuildPins() throws IOException {
    String parent = Files.readString(Path.of("../pom.xml"));
    String bom = Files.readString(Path.of("../bom/pom.xml"));
    Map<String, String> parentVersions = properties(parent);
    Map<String, String> bomVersions = properties(bom);

    assertThat(bomVersions).containsKeys("guava.version", "guice.version", "jackson.version", "okhttp.version");
    bomVersions.forEach((name, version) -> {
      String expected = name.equals("plugboard.version") ? projectVersion(parent) : parentVersions.get(name);
      assertThat(version).as(name + " in bom/pom.xml").isEqualTo(expected);
    });
    assertThat(projectVersion(bom)).isEqualTo(projectVersion(parent));
  }

  private static Map<String, String> properties(String pom) {
    Map<String, String> versions = new TreeMap<>();
    Matcher matcher = PROPERTY.matcher(pom);
    while (matcher.find()) {
      versions.put(matcher.group(1), matcher.group(2));
    }
    return versions;
  }

  private static String projectVersion(String pom) {
    Matcher matcher = PROJECT_VERSION.matcher(pom);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
