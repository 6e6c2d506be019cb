package dev.plugboard.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, with a profile of its own. Missing,
 * it fails the test saying what to install: a browser test never skips.
 */
public final class Chromium implements AutoCloseable {

  static final Path BROWSER = Path.of(System.getenv().getOrDefault("PLUGBOARD_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getenv().getOrDefault("PLUGBOARD_CHROMEDRIVER", "/usr/bin/chromedriver"));
  /** Screenshots are kept as test output. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Path PROFILES = Path.of("target", "chromium-profiles").toAbsolutePath();

  private final ChromeDriver driver;

  private Chromium(ChromeDriver driver) {
    this.driver = driver;
  }

  public static Chromium start() {
    for (Path needed : new Path[] {BROWSER, DRIVER}) {
      if (!Files.isExecutable(needed)) {
        throw new IllegalStateException(needed + " is missing: the browser tests drive Debian's headless Chromium."
            + " Install it with `apt-get install -y chromium chromium-driver` (.ci/run does), or point"
            + " PLUGBOARD_CHROMIUM and PLUGBOARD_CHROMEDRIVER at a Chromium and its driver.");
      }
    }
    try {
      // A fresh profile each time, under target/ (Chromium may still write to it as it quits).
      Files.createDirectories(PROFILES);
      Path profile = Files.createTempDirectory(PROFILES, "profile");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Chromium(driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
