package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polypseg.image.Images;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.HostileFiles.HostileFile;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile corpus sent to the API over real HTTP: every file gets its documented answer, a
 * problem detail that names the file and the reason, and the server is healthy afterwards and
 * still segments a real image.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileUploadsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void everyHostileFileGetsItsDocumentedAnswerAndTheServerStaysHealthy() throws Exception {
    List<HostileFile> corpus = HostileFiles.corpus();
    for (HostileFile file : corpus) {
      HttpResponse<String> response = new Multipart().file("image", file.fileName(), file.bytes())
          .post(uri("/api/segmentations"));
      assertThat(response.statusCode()).as(file.fileName()).isEqualTo(file.status());
      JsonNode json = JSON.readTree(response.body());
      if (file.status() == 200) {
        assertThat(json.get("fileName").asString()).isEqualTo(file.fileName());
        continue;
      }
      assertThat(response.headers().firstValue("Content-Type")).as(file.fileName())
          .hasValue("application/problem+json");
      assertThat(json.get("status").asInt()).isEqualTo(file.status());
      assertThat(json.get("detail").asString()).as(file.fileName())
          .startsWith(file.fileName() + ": ").contains(file.reason());
      assertThat(json.get("detail").asString()).doesNotContain("Exception", "\tat ");
    }

    // The same files as masks beside a good image are refused the same way.
    byte[] good = SegmentationApiTest.imageAndMask()[0];
    HostileFile pdf = corpus.stream().filter(f -> f.fileName().equals("report.png")).findFirst()
        .orElseThrow();
    HttpResponse<String> mask = new Multipart().file("image", "frame.jpg", good)
        .file("mask", pdf.fileName(), pdf.bytes()).post(uri("/api/segmentations"));
    assertThat(mask.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(mask.body()).get("detail").asString())
        .startsWith("report.png: ").endsWith("supported: " + Images.SUPPORTED);

    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }
    HttpResponse<String> real = new Multipart().file("image", "frame.jpg", good)
        .post(uri("/api/segmentations"));
    assertThat(real.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(real.body()).get("areaFraction").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void answersCarryTheSecurityHeadersWithLoginOff() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      for (String path : new String[] {"/", "/model", "/actuator/health", "/v3/api-docs"}) {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValueSatisfying(
            v -> assertThat(v).isIn("DENY", "SAMEORIGIN"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
      }
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
