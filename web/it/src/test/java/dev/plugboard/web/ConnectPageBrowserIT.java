package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.web.testing.Chromium;
import dev.plugboard.web.testing.ConnectSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A store owner's visit, in a real headless Chromium, against the BigCommerce sandbox. */
final class ConnectPageBrowserIT {

  /** Every scope but these two is granted by the first sandbox. */
  static final List<String> WITHHELD = List.of("Orders", "Products");

  @RegisterExtension static final ConnectSite site = new ConnectSite();
  Chromium chromium;
  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    chromium = Chromium.start();
    browser = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    chromium.close();
  }

  @Test
  void aStoreOwnerFixesAValueDropsTheFileSeesTwoMissingScopesThenConnects() throws IOException {
    List<String> granted = site.scopesBut("bigcommerce", WITHHELD.toArray(String[]::new));
    try (SandboxSession partial = site.plugboard().startSandbox("bigcommerce", SandboxOptions.builder().grant(granted).build())) {
      browser.get(site.uri("/connectors/bigcommerce").toString());
      chromium.screenshot("01-connector-page");

      WebElement apiPath = browser.findElement(By.id("f-api_path"));
      apiPath.sendKeys("https://api.bigcommerce.com/stores/store-abc123/v3/");
      apiPath.sendKeys(Keys.TAB);
      WebElement message = browser.findElement(By.id("f-api_path-msg"));
      wait(browser).until(ExpectedConditions.textToBePresentInElement(message, "store hash"));
      assertThat(message.getText()).contains("5 to 16 lowercase letters and digits").doesNotContain("^", "[a-z", "(?");
      chromium.screenshot("02-invalid-value");

      drop(credentialsFile(partial.values()));
      wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-message"), "Filled 4 fields"));
      assertThat(apiPath.getDomProperty("value")).isEqualTo(partial.values().get("api_path"));
      assertThat(browser.findElement(By.id("f-access_token")).getDomProperty("value")).isEmpty();
      assertThat(browser.findElement(By.id("f-access_token")).getDomAttribute("placeholder")).isEqualTo("Filled from the file (hidden)");
      chromium.screenshot("03-file-dropped");

      browser.findElement(By.id("verify")).click();
      wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Not verified"));
      List<WebElement> missing = browser.findElements(By.cssSelector("#scopes .scope.missing"));
      assertThat(missing).extracting(item -> item.findElement(By.className("scope-name")).getText())
          .containsExactlyElementsOf(WITHHELD);
      assertThat(missing).allSatisfy(item -> {
        WebElement remediation = item.findElement(By.className("remediation"));
        assertThat(remediation.getText()).contains("OAuth Scopes", "Read-only", "Go to step 6");
        assertThat(remediation.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("#step-set-oauth-scopes");
      });
      assertThat(browser.findElements(By.cssSelector("#scopes .scope.granted"))).hasSize(11);
      chromium.screenshot("04-two-scopes-missing");
    }

    try (SandboxSession fixed = site.plugboard().startSandbox("bigcommerce", SandboxOptions.defaults())) {
      drop(credentialsFile(fixed.values()));
      wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-message"), "Filled 4 fields"));
      browser.findElement(By.id("connect")).click();
      wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Connected to "));
      assertThat(browser.findElements(By.cssSelector("#scopes .scope.granted"))).hasSize(13);
      chromium.screenshot("05-connected");
    }
    Connected connected = site.connected().get(site.connected().size() - 1);
    assertThat(browser.findElement(By.id("outcome")).getText())
        .isEqualTo("Connected to " + connected.account() + ". It is kept as " + connected.name() + ".");
    assertThat(site.plugboard().connections().find(connected.name())).isPresent();
  }

  @Test
  void theWholeFlowCanBeDoneWithTheKeyboardAndResultsAreAnnounced() {
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.defaults())) {
      browser.get(site.uri("/connectors/bigcommerce").toString());
      Map<String, String> values = sandbox.values();
      for (String field : List.of("api_path", "access_token", "client_id", "client_secret")) {
        tabTo("f-" + field).sendKeys(values.get(field));
      }
      tabTo("f-client_secret");
      WebElement reveal = keys(Keys.TAB);
      assertThat(reveal.getText()).isEqualTo("Show");
      reveal.sendKeys(Keys.ENTER);
      assertThat(browser.findElement(By.id("f-client_secret")).getDomAttribute("type")).isEqualTo("text");
      reveal.sendKeys(Keys.ENTER);
      assertThat(browser.findElement(By.id("f-client_secret")).getDomAttribute("type")).isEqualTo("password");
      tabTo("connection-name").sendKeys("shop/keyboard");
      tabTo("connect").sendKeys(Keys.ENTER);

      WebElement outcome = browser.findElement(By.id("outcome"));
      wait(browser).until(ExpectedConditions.textToBePresentInElement(outcome, "Connected to "));
      assertThat(outcome.getDomAttribute("aria-live")).isEqualTo("polite");
      assertThat(outcome.getDomAttribute("role")).isEqualTo("status");
      assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the outcome").isEqualTo("outcome");
      assertThat(browser.findElement(By.id("scopes")).getDomAttribute("aria-live")).isEqualTo("polite");
      assertThat(browser.findElement(By.id("f-api_path-msg")).getDomAttribute("aria-live")).isEqualTo("polite");
      assertThat(outcome.getText()).endsWith("It is kept as shop/keyboard.");
      chromium.screenshot("06-keyboard-connected");

      List<String> secrets = List.of(values.get("access_token"), values.get("client_secret"));
      assertThat(browser.getPageSource()).doesNotContain(secrets);
      assertThat(browser.getCurrentUrl()).doesNotContain(secrets);
      assertThat(site.answers()).allSatisfy(answer -> assertThat(answer.whole()).doesNotContain(secrets));
    }
  }

  @Test
  void anInviteLinkOpensWithoutBeingSpentConnectsOnceThenSaysItWasUsed() throws IOException {
    Invites.Created invite = site.invites().create(site.plugboard().describe("bigcommerce"), "shop/invited-in-browser",
        Duration.ofHours(1));
    String link = invite.link(site.uri("/")).toString();
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.defaults())) {
      browser.get(link);
      browser.navigate().refresh();
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Connect BigCommerce");
      assertThat(browser.findElement(By.className("lead")).getText()).contains("You were sent this link");
      assertThat(browser.findElements(By.id("connection-name"))).isEmpty();
      chromium.screenshot("07-invite-page");

      drop(credentialsFile(sandbox.values()));
      wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-message"), "Filled 4 fields"));
      browser.findElement(By.id("connect")).click();
      wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Connected to "));
      assertThat(browser.findElement(By.id("outcome")).getText()).endsWith("It is kept as shop/invited-in-browser.");
      chromium.screenshot("08-invite-connected");
    }
    assertThat(site.connected()).anySatisfy(c -> assertThat(c.invite()).hasValue(invite.invite().id()));

    browser.get(link);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has been used");
    chromium.screenshot("09-invite-spent");

    Invites.Created late = site.invites().create(site.plugboard().describe("bigcommerce"), null, Duration.ofMinutes(5));
    site.clock().advance(Duration.ofMinutes(10));
    browser.get(late.link(site.uri("/")).toString());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ask whoever sent it to you for a new link.");
    chromium.screenshot("10-invite-expired");
  }

  /** Presses Tab until the element with {@code id} has the focus, as a keyboard user would. */
  private WebElement tabTo(String id) {
    for (int i = 0; i < 40; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (id.equals(active.getDomAttribute("id"))) {
        return active;
      }
      keys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  private WebElement keys(CharSequence keys) {
    new Actions(browser).sendKeys(keys).perform();
    return browser.switchTo().activeElement();
  }

  /** Drops {@code file} on the drop zone as a person dragging it from their desktop would. */
  private void drop(Path file) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    WebElement carrier = (WebElement) js.executeScript("const input = document.createElement('input');"
        + "input.type = 'file'; input.id = 'test-drop-carrier'; document.body.append(input); return input;");
    carrier.sendKeys(file.toAbsolutePath().toString());
    js.executeScript("const input = document.getElementById('test-drop-carrier');"
        + "const transfer = new DataTransfer(); transfer.items.add(input.files[0]);"
        + "const zone = document.getElementById('dropzone');"
        + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
        + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
        + "input.remove();");
  }

  private Path credentialsFile(Map<String, String> values) throws IOException {
    Path file = Files.createTempFile(site.folder(), "api-account", ".txt");
    Files.writeString(file, "ACCESS TOKEN: " + values.get("access_token") + "\nCLIENT NAME: Plugboard\n"
        + "API PATH: " + values.get("api_path") + "\nCLIENT ID: " + values.get("client_id") + "\n"
        + "CLIENT SECRET: " + values.get("client_secret") + "\n");
    return file;
  }

  static WebDriverWait wait(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }
}
