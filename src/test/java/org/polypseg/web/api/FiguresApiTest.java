package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.polypseg.web.audit.AuditAction;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/segmentations/figures} over real HTTP with the shipped model: CSV and JSON
 * agree row for row and with {@code POST /api/segmentations}; the endpoint is in the OpenAPI
 * description and audited as a segmentation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FiguresApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void csvAndJsonHaveOneRowPerImageAndTheFiguresOfASingleSegmentation() throws Exception {
    byte[][] real = SegmentationApiTest.imageAndMask();
    byte[] synthetic = SegmentationApiTest.png(SyntheticData.pair(200, 160, new Random(3))[0]);
    HttpResponse<String> csv = send(form(real, synthetic).field("format", "csv"), null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo(
        "name,width,height,threshold,areaPx,areaPercent,regions,dice,iou,corrected,error");
    assertThat(lines[3]).startsWith("notes.png,,,,,,,,,,").contains("not a recognised image");

    // JSON chosen by the Accept header alone.
    HttpResponse<String> json = send(form(real, synthetic), "application/json");
    assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    JsonNode rows = JSON.readTree(json.body());
    assertThat(rows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String[] cells = lines[i + 1].split(",", -1);
      JsonNode row = rows.get(i);
      assertThat(cells[0]).isEqualTo(row.get("name").asString());
      if (row.get("error").isNull()) {
        assertThat(Long.parseLong(cells[4])).isEqualTo(row.get("areaPx").asLong());
        assertThat(Double.parseDouble(cells[5]))
            .isCloseTo(row.get("areaPercent").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Integer.parseInt(cells[6])).isEqualTo(row.get("regions").asInt());
        assertThat(cells[9]).isEqualTo("false");
      }
    }

    // The first row is what /api/segmentations says of the same image and mask.
    JsonNode single = JSON.readTree(new Multipart().file("image", "frame.jpg", real[0])
        .file("mask", "frame.png", real[1]).field("threshold", "0.45")
        .post(uri("/api/segmentations")).body());
    JsonNode first = rows.get(0);
    assertThat(first.get("name").asString()).isEqualTo("frame.jpg");
    assertThat(first.get("threshold").asDouble()).isEqualTo(0.45);
    assertThat(first.get("areaPx").asLong()).isEqualTo(single.get("areaPx").asLong());
    assertThat(first.get("areaPercent").asDouble())
        .isEqualTo(single.get("areaFraction").asDouble() * 100);
    assertThat(first.get("regions").asInt()).isEqualTo(single.get("regions").size());
    assertThat(first.get("dice").asDouble()).isEqualTo(single.get("dice").asDouble());
    assertThat(first.get("iou").asDouble()).isEqualTo(single.get("iou").asDouble());
    assertThat(rows.get(1).get("dice").isNull()).as("no mask for second.png").isTrue();
  }

  @Test
  void acceptTextCsvAnswersCsvAndAnUnknownFormatIsAProblem() throws Exception {
    byte[] image = SegmentationApiTest.imageAndMask()[0];
    HttpResponse<String> csv =
        send(new Multipart().file("images", "a.jpg", image), "text/csv, */*;q=0.1");
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("name,").contains("\r\na.jpg,");

    HttpResponse<String> bad =
        send(new Multipart().file("images", "a.jpg", image).field("format", "xlsx"), null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(bad.body()).get("detail").asString())
        .contains("format must be csv or json, was xlsx");
  }

  @Test
  void theEndpointIsDescribedAndAuditedAsASegmentation() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      JsonNode api = JSON.readTree(client.send(HttpRequest.newBuilder(uri("/v3/api-docs"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      JsonNode post = api.get("paths").get("/api/segmentations/figures").get("post");
      assertThat(post.get("responses").get("200").get("content").propertyNames())
          .contains("text/csv", "application/json");
      assertThat(post.get("responses").has("400")).isTrue();
      assertThat(post.get("requestBody").toString()).contains("images", "masks");
    }
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/segmentations/figures");
    assertThat(AuditAction.ofApiRequest(request)).contains(AuditAction.SEGMENT);
  }

  private static Multipart form(byte[][] real, byte[] synthetic) {
    return new Multipart().file("images", "frame.jpg", real[0])
        .file("images", "second.png", synthetic)
        .file("images", "notes.png", "just text, not an image".getBytes())
        .file("masks", "frame.png", real[1]).field("threshold", "0.45");
  }

  private HttpResponse<String> send(Multipart form, String accept) throws Exception {
    HttpRequest request = form.request(uri("/api/segmentations/figures"), null);
    if (accept != null) {
      request = HttpRequest.newBuilder(request, (name, value) -> true)
          .header("Accept", accept).build();
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
