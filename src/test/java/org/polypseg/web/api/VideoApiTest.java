package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polypseg.video.ClipReader;
import org.polypseg.video.TestClips;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoLimits;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/videos} over real HTTP with the shipped model, on a clip the test encodes from
 * consecutive CVC-ClinicDB training frames (synthetic frames without ../shared/datasets). The
 * limits are lowered so that over-limit clips are small to send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"polypseg.video.max-size=1MB", "polypseg.video.max-pixels=400000"})
class VideoApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();

  static List<BufferedImage> clipFrames() {
    List<BufferedImage> real = TestClips.cvcFrames();
    return real != null ? real : TestClips.syntheticFrames(16, 384, 288);
  }

  @Test
  void uploadsAClipFollowsItsProgressAndReadsEveryResult() throws Exception {
    List<BufferedImage> frames = clipFrames();
    int n = frames.size();
    byte[] clip = TestClips.encode(frames, VideoFormat.MP4);
    HttpResponse<String> accepted = new Multipart().file("video", "sequence.mp4", clip)
        .field("stride", "2").field("threshold", "0.5").post(uri("/api/videos"));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode job = JSON.readTree(accepted.body());
    String id = job.get("id").asString();
    assertThat(job.get("status").asString()).isIn("queued", "running");
    assertThat(job.get("framesTotal").asLong()).isEqualTo(n);
    assertThat(job.get("framesDone").asInt()).isBetween(0, n);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/videos/" + id);

    JsonNode status = waitUntilFinished(id);
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("done");
    assertThat(status.get("framesDone").asInt()).isEqualTo(n);
    assertThat(status.get("framesTotal").asInt()).isEqualTo(n);
    assertThat(status.get("framesAnalysed").asInt()).isEqualTo((n + 1) / 2);
    assertThat(status.get("framesPerSecond").asDouble()).isPositive();

    JsonNode list = JSON.readTree(get("/api/videos/" + id + "/frames").body());
    assertThat(list).hasSize((n + 1) / 2);
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      assertThat(f.get("index").asInt()).isEqualTo(2 * i);
      assertThat(f.get("timeSeconds").asDouble()).isCloseTo(2 * i / 25.0,
          org.assertj.core.data.Offset.offset(0.01));
      assertThat(f.get("areaFraction").asDouble()).isBetween(0.0, 1.0);
      assertThat(f.get("regions").asInt()).isNotNegative();
      assertThat(f.get("maxProbability").asDouble()).isBetween(0.0, 1.0);
    }

    HttpResponse<String> csv = get("/api/videos/" + id + "/frames.csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/csv"));
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.getFirst()).isEqualTo("index,timeSeconds,areaFraction,regions,maxProbability");
    assertThat(rows).hasSize(1 + (n + 1) / 2);
    assertThat(rows.get(2)).startsWith("2,0.080,");

    HttpResponse<byte[]> annotated = getBytes("/api/videos/" + id + "/annotated");
    assertThat(annotated.statusCode()).isEqualTo(200);
    assertThat(annotated.headers().firstValue("Content-Type")).hasValue("video/webm");
    try (ClipReader reader = ClipReader.open(annotated.body(), "annotated.webm",
        VideoLimits.DEFAULT)) {
      int count = 0;
      while (reader.next() != null) {
        count++;
      }
      assertThat(count).isEqualTo(n);
      assertThat(reader.info().width()).isEqualTo(frames.getFirst().getWidth());
    }

    HttpResponse<byte[]> pdf = getBytes("/api/videos/" + id + "/report?format=pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    HttpResponse<byte[]> docx = getBytes("/api/videos/" + id + "/report?format=docx");
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(new String(docx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    assertThat(get("/api/videos/" + id + "/report?format=odt").statusCode()).isEqualTo(400);

    HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(uri("/api/videos/" + id))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(204);
    HttpResponse<String> gone = get("/api/videos/" + id);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void badClipsAreRefusedNamingTheFileAndTheServerGoesOn() throws Exception {
    byte[] good = TestClips.encode(TestClips.syntheticFrames(6, 96, 72), VideoFormat.MP4);
    assertRefused("cut.mp4", Arrays.copyOf(good, 200), 400, "not a readable video");
    assertRefused("tone.wav", TestClips.audioOnly(), 400, "audio only, no video stream");
    assertRefused("empty.avi", TestClips.emptyClip(), 400, "holds no video frames");
    byte[] large = TestClips.encode(TestClips.syntheticFrames(4, 800, 600), VideoFormat.WEBM);
    assertRefused("large.webm", large, 400, "more than the limit of 0.4 megapixels");
    byte[] big = new byte[(1 << 20) + 10];
    System.arraycopy(good, 0, big, 0, good.length);
    assertRefused("big.mp4", big, 413, "more than the limit of 1.0 MB");

    HttpResponse<String> badStride = new Multipart().file("video", "a.mp4", good)
        .field("stride", "0").post(uri("/api/videos"));
    assertThat(badStride.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badStride.body()).get("detail").asString()).contains("stride");

    // Still healthy: a good clip is taken, and images are segmented as before.
    HttpResponse<String> ok = new Multipart().file("video", "fine.mp4", good)
        .post(uri("/api/videos"));
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(waitUntilFinished(JSON.readTree(ok.body()).get("id").asString())
        .get("status").asString()).isEqualTo("done");
    byte[] image = SegmentationApiTest.imageAndMask()[0];
    assertThat(new Multipart().file("image", "frame.jpg", image)
        .post(uri("/api/segmentations")).statusCode()).isEqualTo(200);
    assertThat(get("/api/videos/no-such-job").statusCode()).isEqualTo(404);
  }

  @Test
  void theVideoRoutesAreInTheOpenApiDescription() throws Exception {
    JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).get("paths");
    for (String path : List.of("/api/videos", "/api/videos/{id}", "/api/videos/{id}/frames",
        "/api/videos/{id}/frames.csv", "/api/videos/{id}/annotated", "/api/videos/{id}/report")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    assertThat(paths.get("/api/videos").get("post").get("responses").has("202")).isTrue();
    assertThat(paths.get("/api/videos/{id}").has("delete")).isTrue();
  }

  private void assertRefused(String name, byte[] bytes, int status, String reason)
      throws Exception {
    HttpResponse<String> response = new Multipart().file("video", name, bytes)
        .post(uri("/api/videos"));
    assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    String detail = JSON.readTree(response.body()).get("detail").asString();
    assertThat(detail).startsWith(name + ": ").contains(reason)
        .doesNotContain("Exception", "\tat ");
  }

  private JsonNode waitUntilFinished(String id) throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (true) {
      JsonNode status = JSON.readTree(get("/api/videos/" + id).body());
      String s = status.get("status").asString();
      if (!s.equals("queued") && !s.equals("running")) {
        return status;
      }
      assertThat(System.nanoTime()).as("the clip finishes within 5 min").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
