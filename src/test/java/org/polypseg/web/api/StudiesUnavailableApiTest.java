package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A study database that cannot be reached at start-up: the app starts, its other pages and API
 * work, and the study API answers 503 with a message naming the database and what to check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudiesUnavailableApiTest {

  private static int closedPort;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void unreachable(DynamicPropertyRegistry registry) throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    registry.add("polypseg.studies.database.url",
        () -> "jdbc:postgresql://127.0.0.1:" + closedPort + "/studies");
    registry.add("polypseg.studies.database.connect-timeout", () -> "500ms");
    // The prebuilt frontend bundle, also where the build skipped the frontend (-Dvaadin.skip).
    registry.add("vaadin.productionMode", () -> "true");
  }

  @Test
  void theAppStartsAndTheStudyApiSaysWhatIsWrong() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> studies = client.send(HttpRequest.newBuilder(uri("/api/studies"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(studies.statusCode()).isEqualTo(503);
      assertThat(studies.body()).contains("127.0.0.1:" + closedPort + "/studies")
          .contains("polypseg.studies.database.url");
      assertThat(client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(client.send(HttpRequest.newBuilder(uri("/model")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
