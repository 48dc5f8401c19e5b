package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the login tests do over real HTTP: users in the configuration, forms, HTTP Basic. */
final class TestHttp {

  private TestHttp() {}

  /** Turns login on with these users (name, password, name, password, …); cheap bcrypt cost. */
  static void users(DynamicPropertyRegistry registry, String... namesAndPasswords) {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    registry.add("polypseg.security.enabled", () -> "true");
    for (int i = 0; i < namesAndPasswords.length / 2; i++) {
      String name = namesAndPasswords[2 * i];
      String hash = bcrypt.encode(namesAndPasswords[2 * i + 1]);
      registry.add("polypseg.security.users[" + i + "].username", () -> name);
      registry.add("polypseg.security.users[" + i + "].password-hash", () -> hash);
    }
  }

  static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postForm(HttpClient client, URI uri, String form)
      throws Exception {
    return client.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The CSRF token the login page carries. */
  static String csrfToken(String loginPage) {
    Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).as("the login page carries the CSRF token").isTrue();
    return csrf.group(1);
  }

  /** Signs in through the login form, as the page does; {@code client} must keep cookies. */
  static void signIn(HttpClient client, String base, String user, String password)
      throws Exception {
    String token = csrfToken(get(client, URI.create(base + "/login")).body());
    HttpResponse<String> signedIn = postForm(client, URI.create(base + "/login"),
        "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
