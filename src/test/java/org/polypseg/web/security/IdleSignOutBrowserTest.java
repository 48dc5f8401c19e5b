package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In headless Chromium, with login on and an idle time of 30 s (the warning 15 s before): an idle
 * page warns with a countdown, "Stay signed in" keeps it, and left alone it is signed out to the
 * sign-in page, which says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "polypseg.security.idle-timeout=30s")
class IdleSignOutBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUT = Path.of("target", "browser").toAbsolutePath();
  private static final String PASSWORD = "correct horse battery staple";
  private static ChromeDriver driver;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    TestHttp.users(registry, "alice", PASSWORD);
  }

  @BeforeAll
  static void startBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver not installed (./polypseg setup installs them)");
    Files.createDirectories(OUT);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("polypseg-chromium"));
    driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void anIdlePageWarnsThenSignsOut() throws Exception {
    driver.get(url("/login"));
    driver.manage().addCookie(new Cookie("JSESSIONID", signIn()));
    driver.get(url("/"));
    awaitTrue("return !!document.querySelector('.page-frame') && !!document.querySelector('idle-guard')",
        Duration.ofSeconds(30));

    // Fifteen seconds before the end, the warning; "Stay signed in" takes it away.
    awaitTrue("return !!" + DIALOG, Duration.ofSeconds(40));
    long warnedAt = System.nanoTime();
    js("document.querySelector('idle-guard').shadowRoot.querySelector('#stay-signed-in').click()");
    awaitTrue("return !" + DIALOG, Duration.ofSeconds(5));
    // Past the first deadline (15 s after the warning came), still signed in.
    long sinceWarning = (System.nanoTime() - warnedAt) / 1_000_000;
    Thread.sleep(Math.max(0, 16_000 - sinceWarning));
    assertThat(driver.getCurrentUrl()).as("still signed in past the first deadline")
        .doesNotContain("/login");

    // The second warning: a countdown, the button focused for the keyboard.
    awaitTrue("return !!" + DIALOG, Duration.ofSeconds(40));
    assertThat((String) js("return " + DIALOG + ".textContent")).contains("Signing out in");
    assertThat((String) js("return document.querySelector('idle-guard').shadowRoot"
        + ".activeElement && document.querySelector('idle-guard').shadowRoot.activeElement.id"))
        .as("the button has the focus").isEqualTo("stay-signed-in");
    Files.write(OUT.resolve("idle-warning.png"), driver.getScreenshotAs(OutputType.BYTES));
    // Left alone: signed out to the sign-in page, which says why.
    awaitTrue("return location.pathname.endsWith('/login') && !!document.getElementById('idle-note')"
        + " && document.getElementById('idle-note').offsetParent !== null", Duration.ofSeconds(45));
    assertThat((String) js("return document.getElementById('idle-note').textContent"))
        .contains("signed out");
    Files.write(OUT.resolve("idle-signed-out.png"), driver.getScreenshotAs(OutputType.BYTES));
    // The old session is gone on the server too.
    driver.get(url("/"));
    awaitTrue("return location.pathname.endsWith('/login')", Duration.ofSeconds(30));
  }

  private static final String DIALOG = "document.querySelector('idle-guard')?.shadowRoot"
      + "?.querySelector('[role=alertdialog]')";

  /** Signs in over HTTP, as the login form does, and returns the session cookie's value. */
  private String signIn() throws Exception {
    CookieManager cookies = new CookieManager();
    try (HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build()) {
      TestHttp.signIn(client, "http://localhost:" + port, "alice", PASSWORD);
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
          .findFirst().orElseThrow();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private void awaitTrue(String script, Duration timeout) throws java.io.IOException {
    try {
      new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(js(script)));
    } catch (org.openqa.selenium.TimeoutException e) {
      Files.write(OUT.resolve("idle-timeout.png"), driver.getScreenshotAs(OutputType.BYTES));
      throw new AssertionError("not true within " + timeout + " at " + driver.getCurrentUrl()
          + ": " + script, e);
    }
  }
}
