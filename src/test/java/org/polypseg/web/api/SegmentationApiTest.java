package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over real HTTP on a random port, with the shipped model. Uses a real Kvasir-SEG
 * image and its mask when ../shared/datasets is there, a synthetic frame otherwise. Asserts what a
 * client relies on, not the model's accuracy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SegmentationApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void segmentsAnImageWithItsMask() throws Exception {
    byte[][] pair = imageAndMask();
    HttpResponse<String> response = new Multipart()
        .file("image", "frame.jpg", pair[0]).file("mask", "frame-mask.png", pair[1])
        .field("threshold", "0.4")
        .post(uri("/api/segmentations"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    JsonNode json = JSON.readTree(response.body());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(pair[0]));
    assertThat(json.get("width").asInt()).isEqualTo(image.getWidth());
    assertThat(json.get("height").asInt()).isEqualTo(image.getHeight());
    assertThat(json.get("threshold").asDouble()).isEqualTo(0.4);
    long area = json.get("areaPx").asLong();
    assertThat(json.get("areaFraction").asDouble())
        .isCloseTo((double) area / (image.getWidth() * image.getHeight()), within());
    long regionSum = 0;
    for (JsonNode region : json.get("regions")) {
      assertThat(region.get("bbox")).hasSize(4);
      assertThat(region.get("meanProbability").asDouble()).isBetween(0.4, 1.0);
      regionSum += region.get("areaPx").asLong();
    }
    assertThat(regionSum).isEqualTo(area);
    assertThat(json.get("dice").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.get("iou").asDouble()).isBetween(0.0, json.get("dice").asDouble());
    assertThat(json.get("inferenceMs").asDouble()).isPositive();
    assertThat(json.get("model").get("name").asString()).isNotBlank();
    assertThat(json.get("model").get("sha256").asString()).hasSize(64);

    BufferedImage mask = ImageIO.read(new ByteArrayInputStream(
        Base64.getDecoder().decode(json.get("maskPng").asString())));
    assertThat(mask.getWidth()).isEqualTo(image.getWidth());
    assertThat(mask.getHeight()).isEqualTo(image.getHeight());
    long white = 0;
    for (int y = 0; y < mask.getHeight(); y++) {
      for (int x = 0; x < mask.getWidth(); x++) {
        int v = mask.getRaster().getSample(x, y, 0);
        assertThat(v == 0 || v == 255).isTrue();
        if (v == 255) {
          white++;
        }
      }
    }
    assertThat(white).isEqualTo(area);
  }

  @Test
  void withoutAMaskThereIsNoDiceAndTheThresholdDefaultsToOneHalf() throws Exception {
    HttpResponse<String> response = new Multipart().file("image", "frame.jpg", imageAndMask()[0])
        .post(uri("/api/segmentations"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("threshold").asDouble()).isEqualTo(0.5);
    assertThat(json.has("dice")).isFalse();
    assertThat(json.has("iou")).isFalse();
  }

  @Test
  void badInputIsAProblemDetailNamingTheFile() throws Exception {
    byte[] image = imageAndMask()[0];
    assertProblem(new Multipart().file("image", "notes.png", "not an image".getBytes()),
        400, "notes.png: not a recognised image format");
    assertProblem(new Multipart().file("image", "empty.jpg", new byte[0]),
        400, "empty.jpg: the file is empty");
    assertProblem(new Multipart().file("image", "cut.jpg",
            java.util.Arrays.copyOf(image, image.length / 2)),
        400, "cut.jpg: the image is truncated");
    BufferedImage small = SyntheticData.pair(40, 30, new Random(1))[1];
    assertProblem(new Multipart().file("image", "frame.jpg", image)
            .file("mask", "small.png", png(small)),
        400, "small.png: the mask is 40×30 px but frame.jpg is");
    // The frame itself sent as its mask.
    assertProblem(new Multipart().file("image", "frame.jpg", image)
            .file("mask", "frame-mask.jpg", image),
        400, "frame-mask.jpg: not a ground-truth mask: ");
    assertProblem(new Multipart().file("image", "frame.jpg", image).field("threshold", "1.5"),
        400, "threshold must be between 0 and 1");
  }

  @Test
  void aFileOverTheLimitIsA413ProblemDetail() throws Exception {
    byte[] big = new byte[21 * 1024 * 1024];
    new Random(1).nextBytes(big);
    assertProblem(new Multipart().file("image", "huge.png", big), 413, "larger than the limit");
  }

  @Test
  void healthAndOpenApiAreServed() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");

      HttpResponse<String> api = client.send(HttpRequest.newBuilder(uri("/v3/api-docs"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(200);
      JsonNode document = JSON.readTree(api.body());
      JsonNode paths = document.get("paths");
      // Every upload can be too large, and every request can be over its client's allowance.
      for (String upload : List.of("/api/segmentations", "/api/segmentations/figures", "/api/reports",
          "/api/videos")) {
        JsonNode responses = paths.get(upload).get("post").get("responses");
        assertThat(responses.has("413")).as(upload + " 413").isTrue();
        assertThat(responses.has("503")).as(upload + " 503").isTrue();
        assertThat(responses.get("429").get("content").get("application/problem+json")
            .get("schema").get("$ref").asString()).as(upload + " 429")
            .isEqualTo("#/components/schemas/ProblemDetail");
      }
      assertThat(paths.get("/api/videos").get("post").get("responses").get("503")
          .get("description").asString()).as("the clip upload's own 503 kept").contains("clips");
      List<String> codes = new java.util.ArrayList<>();
      paths.get("/api/reports").get("post").get("responses").propertyNames().forEach(codes::add);
      assertThat(codes).as("listed by code").containsExactly("200", "400", "413", "429", "503");
      JsonNode status = paths.get("/api/videos/{id}").get("get").get("responses");
      assertThat(status.has("429")).isTrue();
      assertThat(status.has("413")).as("no upload, no 413").isFalse();
      assertThat(document.get("components").get("schemas").has("ProblemDetail")).isTrue();

      HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<html");
    }
  }

  private void assertProblem(Multipart form, int status, String detail) throws Exception {
    HttpResponse<String> response = form.post(uri("/api/segmentations"));
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).contains(detail);
  }

  /** A real Kvasir-SEG frame and its mask when the data is there, else a synthetic pair. */
  static byte[][] imageAndMask() throws Exception {
    Path datasets = SyntheticData.realDatasets();
    if (datasets != null) {
      Path kvasir = datasets.resolve("TestDataset/Kvasir");
      Path image = kvasir.resolve("images/cju2zp89k9q1g0855k1x0f1xa.jpg");
      if (Files.isRegularFile(image)) {
        return new byte[][] {Files.readAllBytes(image),
            Files.readAllBytes(kvasir.resolve("masks/cju2zp89k9q1g0855k1x0f1xa.jpg"))};
      }
    }
    BufferedImage[] pair = SyntheticData.pair(320, 240, new Random(7));
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(pair[0], "jpg", jpeg);
    return new byte[][] {jpeg.toByteArray(), png(pair[1])};
  }

  static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
