package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code polypseg.security.enabled=true}: the page and the API need a user from the
 * configuration, the page's login goes through Vaadin's login view, CSRF protection is on, the API
 * takes HTTP Basic, the health probe stays open, and the security headers are sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginRequiredTest {

  private static final String PASSWORD = "correct horse battery staple";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    TestHttp.users(registry, "alice", PASSWORD);
  }

  @Test
  void theApiNeedsTheRightUserAndPassword() throws Exception {
    byte[] png = HostileFiles.encode(SyntheticData.pair(64, 48, new java.util.Random(2))[0], "png");
    assertThat(new Multipart().file("image", "a.png", png).post(uri("/api/segmentations"))
        .statusCode()).isEqualTo(401);
    assertThat(new Multipart().file("image", "a.png", png)
        .post(uri("/api/segmentations"), basic("alice", "wrong")).statusCode()).isEqualTo(401);
    assertThat(new Multipart().file("image", "a.png", png).post(uri("/api/reports"))
        .statusCode()).isEqualTo(401);
    HttpResponse<String> ok = new Multipart().file("image", "a.png", png)
        .post(uri("/api/segmentations"), basic("alice", PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"fileName\":\"a.png\"");
  }

  @Test
  void thePageSendsAStrangerToTheLoginViewAndLetsAUserInWithTheCsrfToken() throws Exception {
    CookieManager cookies = new CookieManager();
    try (HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build()) {
      HttpResponse<String> page = get(browser, "/");
      assertThat(page.statusCode()).isEqualTo(302);
      assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
          l -> assertThat(l).endsWith("/login"));
      assertThat(get(browser, "/model").statusCode()).isEqualTo(302);
      assertThat(get(browser, "/model-files/training_curves.png").statusCode()).isIn(302, 401, 403);

      HttpResponse<String> login = get(browser, "/login");
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(login.headers().firstValue("X-Frame-Options")).hasValueSatisfying(
            v -> assertThat(v).isIn("DENY", "SAMEORIGIN"));
      assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(login.body());
      assertThat(csrf.find()).as("the login page carries the CSRF token").isTrue();

      HttpResponse<String> wrong = postForm(browser, "/login",
          "username=alice&password=wrong&_csrf=" + enc(csrf.group(1)));
      assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
          l -> assertThat(l).contains("/login?error"));

      HttpResponse<String> right = postForm(browser, "/login",
          "username=alice&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1)));
      assertThat(right.statusCode()).isEqualTo(302);
      assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
      assertThat(get(browser, "/").statusCode()).isEqualTo(200);

      // A forged request without the CSRF token cannot sign the user out (Vaadin's own requests
      // carry Vaadin's token; only the login form itself is exempt, by Vaadin's design).
      assertThat(postForm(browser, "/logout", "").statusCode()).isEqualTo(403);
      assertThat(get(browser, "/").statusCode()).as("still signed in").isEqualTo(200);
    }
  }

  @Test
  void theHealthProbeStaysOpen() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("UP");
    }
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return TestHttp.get(client, uri(path));
  }

  private HttpResponse<String> postForm(HttpClient client, String path, String form)
      throws Exception {
    return TestHttp.postForm(client, uri(path), form);
  }

  private static String basic(String user, String password) {
    return TestHttp.basic(user, password);
  }

  private static String enc(String s) {
    return TestHttp.enc(s);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
