package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Users configured and {@code server.address=0.0.0.0}: the app starts on every interface, and every
 * route but the health probe answers 401 or sends the browser to the login page. (Requests go to
 * 127.0.0.1, which the wildcard address also serves.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=0.0.0.0")
class NetworkAddressNeedsLoginTest {

  /** The page, its views and files, the API, its description, the actuator, an unknown path. */
  private static final List<String> ROUTES = List.of("/", "/model", "/login-not-a-route",
      "/model-files/training_curves.png", "/model-files/MODEL_CARD.md", "/api/segmentations",
      "/api/reports", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html", "/actuator",
      "/actuator/sbom", "/actuator/sbom/application", "/actuator/info", "/actuator/env");

  @LocalServerPort int port;
  @Autowired WebServerApplicationContext context;

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    String hash = new BCryptPasswordEncoder(4).encode("correct horse battery staple");
    registry.add("polypseg.security.enabled", () -> "true");
    registry.add("polypseg.security.users[0].username", () -> "alice");
    registry.add("polypseg.security.users[0].password-hash", () -> hash);
  }

  @Test
  void theServerListensOnEveryInterface() {
    for (Connector connector : ((TomcatWebServer) context.getWebServer()).getTomcat()
        .getService().findConnectors()) {
      assertThat(((AbstractProtocol<?>) connector.getProtocolHandler()).getAddress()
          .isAnyLocalAddress()).isTrue();
    }
  }

  @Test
  void everyRouteButTheHealthProbeNeedsALogin() throws Exception {
    try (HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER).build()) {
      for (String route : ROUTES) {
        for (String accept : List.of("text/html", "application/json")) {
          HttpResponse<String> get = send(client, HttpRequest.newBuilder(uri(route))
              .header("Accept", accept).GET());
          assertRefused(route + " (GET, " + accept + ")", get);
        }
      }
      for (String route : List.of("/api/segmentations", "/api/reports")) {
        HttpResponse<String> post = send(client, HttpRequest.newBuilder(uri(route))
            .header("Content-Type", "multipart/form-data; boundary=x")
            .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
        assertRefused(route + " (POST)", post);
      }
      HttpResponse<String> health = send(client, HttpRequest.newBuilder(uri("/actuator/health")));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("UP");
    }
  }

  private static void assertRefused(String what, HttpResponse<String> response) {
    if (response.statusCode() == 302) {
      assertThat(response.headers().firstValue("Location")).as(what)
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    } else {
      assertThat(response.statusCode()).as(what).isEqualTo(401);
    }
    assertThat(response.body()).as(what).doesNotContain("ai.djl", "\"regions\"", "openapi");
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
      throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
