package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Over real HTTP, with login on: password guessing is answered in one shape and then locked out
 * (8 s here), other users are unaffected, idle pages are signed out (short idle time
 * here), and the session cookie is HttpOnly and SameSite=Lax.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "polypseg.security.login.max-failures=5", "polypseg.security.login.backoff-after=5",
    "polypseg.security.login.lockout=8s", "polypseg.security.idle-timeout=3s",
    "polypseg.rate-limit.requests-per-minute=0"})
class LoginHardeningTest {

  private static final String ALICE = "correct horse battery staple";
  private static final String BOB = "tr0ub4dor&3";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    TestHttp.users(registry, "alice", ALICE, "bob", BOB);
  }

  @Test
  void twentyWrongPasswordsLockTheUserOutForTheLockOutTimeOnly() throws Exception {
    byte[] png = HostileFiles.encode(SyntheticData.pair(64, 48, new java.util.Random(5))[0], "png");
    HttpResponse<String> unknownUser = segment(png, basic("mallory", "guess"));
    HttpResponse<String> firstWrong = null;
    int refused = 0;
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> wrong = segment(png, basic("alice", "guess" + i));
      if (i < 5) {
        // The same shape as for a name that does not exist: status, challenge, body.
        assertThat(wrong.statusCode()).as("attempt %d", i + 1).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
            .isEqualTo(unknownUser.headers().firstValue("WWW-Authenticate"));
        assertThat(wrong.body()).isEqualTo(unknownUser.body());
        firstWrong = wrong;
      } else {
        assertThat(wrong.statusCode()).as("attempt %d", i + 1).isEqualTo(429);
        assertThat(wrong.headers().firstValue("Retry-After")).hasValueSatisfying(
            v -> assertThat(Integer.parseInt(v)).isBetween(1, 8));
        assertThat(wrong.body()).contains("Too many failed sign-ins");
        refused++;
      }
    }
    assertThat(firstWrong.statusCode()).isEqualTo(unknownUser.statusCode());
    assertThat(refused).isEqualTo(15);
    long lockedAt = System.nanoTime();

    // Locked: even the right password is refused; another user is served meanwhile.
    assertThat(segment(png, basic("alice", ALICE)).statusCode()).isEqualTo(429);
    assertThat(segment(png, basic("bob", BOB)).statusCode()).isEqualTo(200);

    // After the lock-out, the right password works again.
    long waitMs = 8100 - (System.nanoTime() - lockedAt) / 1_000_000;
    if (waitMs > 0) {
      Thread.sleep(waitMs);
    }
    HttpResponse<String> back = segment(png, basic("alice", ALICE));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("\"areaPx\"");
  }

  @Test
  void anIdlePageIsSignedOutAndActivityKeepsItSignedIn() throws Exception {
    CookieManager cookies = new CookieManager();
    try (HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build()) {
      HttpResponse<String> login = get(browser, "/login");
      assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
          .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
      TestHttp.signIn(browser, "http://localhost:" + port, "bob", BOB);
      assertThat(get(browser, "/").statusCode()).isEqualTo(200);

      // Activity every 1.5 s keeps the page signed in past the 3 s idle time.
      for (int i = 0; i < 3; i++) {
        Thread.sleep(1500);
        assertThat(get(browser, "/").statusCode()).as("active, %d", i).isEqualTo(200);
      }
      // Vaadin's heartbeats, which an open tab sends by itself, are not activity.
      Thread.sleep(1500);
      get(browser, "/?v-r=heartbeat&v-uiId=0");
      Thread.sleep(1800);
      HttpResponse<String> idle = get(browser, "/");
      assertThat(idle.statusCode()).isEqualTo(302);
      assertThat(idle.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
  }

  private HttpResponse<String> segment(byte[] png, String authorization) throws Exception {
    return new Multipart().file("image", "frame.png", png)
        .post(uri("/api/segmentations"), authorization);
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return TestHttp.get(client, uri(path));
  }

  private static String basic(String user, String password) {
    return TestHttp.basic(user, password);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
