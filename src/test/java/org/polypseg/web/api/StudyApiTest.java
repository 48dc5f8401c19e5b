package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polypseg.study.DatasetWriter;
import org.polypseg.testing.HostileFiles;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The study API over real HTTP with login on: who may see and do what (a stranger cannot list or
 * read a study: 404; an annotator of a blind study cannot read another's mask: 403), a stale
 * save is a 409, and a study goes from creation to export and deletion. The study database is
 * an H2 file in a temporary folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudyApiTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Path data;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void setUp(DynamicPropertyRegistry registry) throws Exception {
    data = Files.createTempDirectory("polypseg-study-api");
    // The prebuilt frontend bundle, also where the build skipped the frontend (-Dvaadin.skip).
    registry.add("vaadin.productionMode", () -> "true");
    registry.add("polypseg.studies.database.url",
        () -> "jdbc:h2:file:" + data.resolve("studies"));
    Files.createDirectories(data.resolve("frames"));
    registry.add("polypseg.studies.server-folders[0]", () -> data.resolve("frames").toString());
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    registry.add("polypseg.security.enabled", () -> "true");
    String[] users = {"olivia", "anna", "bert", "stan"};
    for (int i = 0; i < users.length; i++) {
      String name = users[i];
      String hash = bcrypt.encode(PASSWORD);
      registry.add("polypseg.security.users[" + i + "].username", () -> name);
      registry.add("polypseg.security.users[" + i + "].password-hash", () -> hash);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    DatasetWriter.deleteTree(data);
  }

  @Test
  void aStrangerAndAnAnnotatorOfABlindStudySeeOnlyWhatTheyMayAndAStudyGoesFromStartToExport()
      throws Exception {
    assertThat(get("/api/studies", null).statusCode()).isEqualTo(401);

    HttpResponse<String> created = json("POST", "/api/studies", "olivia",
        "{\"title\": \"Flat polyps\", \"startFrom\": \"model\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode study = JSON.readTree(created.body());
    assertThat(study.get("blind").asBoolean()).isTrue();
    String base = "/api/studies/" + study.get("id").asLong();
    assertThat(json("POST", base + "/annotators", "olivia", "{\"username\": \"anna\"}")
        .statusCode()).isEqualTo(200);
    assertThat(json("POST", base + "/annotators", "olivia", "{\"username\": \"bert\"}")
        .statusCode()).isEqualTo(200);
    HttpResponse<String> unknown =
        json("POST", base + "/annotators", "olivia", "{\"username\": \"mallory\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("not a user");

    byte[] frame = HostileFiles.encode(new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB),
        "png");
    HttpResponse<String> unconfirmed = new Multipart().file("image", "jane-doe.png", frame)
        .field("redact", "0,0,10,5").post(uri(base + "/frames"), basic("olivia"));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(unconfirmed.body()).contains("confirmed");
    HttpResponse<String> added = new Multipart().file("image", "jane-doe.png", frame)
        .field("redact", "0,0,10,5").field("redactionConfirmed", "true")
        .post(uri(base + "/frames"), basic("olivia"));
    assertThat(added.statusCode()).isEqualTo(201);
    JsonNode frameJson = JSON.readTree(added.body());
    assertThat(frameJson.get("name").asString()).isEqualTo("frame-0001");
    assertThat(added.body()).doesNotContain("jane-doe");
    String frameBase = base + "/frames/" + frameJson.get("id").asLong();

    // A stranger can neither list nor read the study.
    assertThat(JSON.readTree(get("/api/studies", "stan").body()).size()).isZero();
    assertThat(get(base, "stan").statusCode()).isEqualTo(404);
    assertThat(get(frameBase + "/image", "stan").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get("/api/studies", "anna").body()).size()).isEqualTo(1);

    assertThat(JSON.readTree(get(base + "/queue", "anna").body()).get("next").asLong())
        .isEqualTo(frameJson.get("id").asLong());
    assertThat(saveMask(frameBase, "anna", 0, mask(48, 32, 20)).statusCode()).isEqualTo(200);
    assertThat(saveMask(frameBase, "bert", 0, mask(48, 32, 24)).statusCode()).isEqualTo(200);
    HttpResponse<String> stale = saveMask(frameBase, "anna", 0, mask(48, 32, 10));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).get("currentVersion").asInt()).isEqualTo(1);

    assertThat(get(frameBase + "/masks/anna", "bert").statusCode()).isEqualTo(403);
    assertThat(get(frameBase + "/masks/anna", "stan").statusCode()).isEqualTo(404);
    HttpResponse<String> own = get(frameBase + "/masks/anna", "anna");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(own.body()).get("version").asInt()).isEqualTo(1);
    assertThat(get(frameBase + "/masks/anna", "olivia").statusCode()).isEqualTo(200);

    assertThat(get(base + "/agreement", "anna").statusCode()).isEqualTo(403);
    HttpResponse<String> agreement = get(base + "/agreement", "olivia");
    assertThat(agreement.statusCode()).isEqualTo(200);
    JsonNode figures = JSON.readTree(agreement.body());
    assertThat(figures.get("figures").get("raters").toString()).contains("anna", "bert");
    assertThat(figures.get("modelDice").isNumber()).as("the model's column").isTrue();

    HttpResponse<byte[]> export = send("GET", base + "/export?masks=staple", "olivia", null,
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(zipEntries(export.body())).contains("images/frame-0001.png",
        "masks/frame-0001.png", "agreement.csv", "agreement.json", "frames.csv");

    HttpResponse<String> deleted = send("DELETE", base, "olivia", null,
        HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(200);
    JsonNode counts = JSON.readTree(deleted.body());
    assertThat(counts.get("frames").asInt()).isEqualTo(1);
    assertThat(counts.get("masks").asInt()).isEqualTo(2);
    assertThat(get(base, "olivia").statusCode()).isEqualTo(404);
  }

  /**
   * The page's "From a folder" and "From a clip" over HTTP: the candidates come back with their
   * proposed boxes and pictures, bad files are named with the reason, nothing enters the study
   * until the owner adds a candidate with the boxes confirmed; only the owner may read them.
   */
  @Test
  void anOwnerGetsFrameCandidatesFromAServerFolderAndAClipAndAddsOne() throws Exception {
    JsonNode study = JSON.readTree(json("POST", "/api/studies", "olivia",
        "{\"title\": \"From the archive\"}").body());
    String base = "/api/studies/" + study.get("id").asLong();
    assertThat(json("POST", base + "/annotators", "olivia", "{\"username\": \"anna\"}")
        .statusCode()).isEqualTo(200);
    Path folder = data.resolve("frames");
    Files.write(folder.resolve("a.png"), HostileFiles.encode(
        new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png"));
    Files.write(folder.resolve("b.jpg"), HostileFiles.encode(
        new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg"));
    Files.writeString(folder.resolve("broken.jpg"), "not a picture");
    Files.writeString(folder.resolve("notes.txt"), "a note");

    HttpResponse<String> read = json("POST", base + "/frame-candidates/folder", "olivia",
        "{\"folder\": \"" + folder + "\"}");
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode batch = JSON.readTree(read.body());
    assertThat(batch.get("frames").size()).isEqualTo(2);
    JsonNode first = batch.get("frames").get(0);
    assertThat(first.get("label").asString()).isEqualTo("a.png");
    assertThat(first.get("mediaType").asString()).isEqualTo("image/png");
    assertThat(batch.get("frames").get(1).get("mediaType").asString()).isEqualTo("image/jpeg");
    assertThat(batch.get("skipped").toString()).contains("broken.jpg").contains("notes.txt");
    // Nothing entered the study by reading.
    assertThat(JSON.readTree(get(base + "/frames", "olivia").body()).size()).isZero();

    byte[] picture = Base64.getDecoder().decode(first.get("imageBase64").asString());
    HttpResponse<String> added = new Multipart().file("image", "a.png", picture)
        .field("redact", first.get("redact").asString()).field("redactionConfirmed", "true")
        .post(uri(base + "/frames"), basic("olivia"));
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(added.body()).get("width").asInt()).isEqualTo(40);

    byte[] clip = org.polypseg.video.TestClips.encode(
        org.polypseg.video.TestClips.syntheticFrames(12, 64, 48),
        org.polypseg.video.VideoFormat.WEBM);
    HttpResponse<String> sampled = new Multipart().file("video", "patient-x.webm", clip)
        .field("count", "3").post(uri(base + "/frame-candidates/clip"), basic("olivia"));
    assertThat(sampled.statusCode()).as(sampled.body()).isEqualTo(200);
    JsonNode clipBatch = JSON.readTree(sampled.body());
    assertThat(clipBatch.get("frames").size()).isEqualTo(3);
    assertThat(clipBatch.get("frames").get(0).get("mediaType").asString()).isEqualTo("image/png");
    assertThat(clipBatch.get("frames").get(0).get("width").asInt()).isEqualTo(64);

    Files.write(folder.resolve("clip.webm"), clip);
    HttpResponse<String> onServer = json("POST", base + "/frame-candidates/clip-file", "olivia",
        "{\"path\": \"" + folder.resolve("clip.webm") + "\", \"every\": 5}");
    assertThat(onServer.statusCode()).as(onServer.body()).isEqualTo(200);
    assertThat(JSON.readTree(onServer.body()).get("frames").size()).isEqualTo(3);

    // Bad requests are named; the annotator may not read the owner's folders.
    HttpResponse<String> both = new Multipart().file("video", "c.webm", clip).field("count", "3")
        .field("every", "2").post(uri(base + "/frame-candidates/clip"), basic("olivia"));
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.body()).contains("exactly one of count");
    HttpResponse<String> notAClip = new Multipart().file("video", "notes.webm",
        "not a clip".getBytes(StandardCharsets.UTF_8)).field("count", "3")
        .post(uri(base + "/frame-candidates/clip"), basic("olivia"));
    assertThat(notAClip.statusCode()).isEqualTo(400);
    assertThat(notAClip.body()).contains("notes.webm").doesNotContain("Exception");
    HttpResponse<String> garbled = json("POST", base + "/frame-candidates/folder", "olivia",
        "{\"folder\": ");
    assertThat(garbled.statusCode()).isEqualTo(400);
    assertThat(garbled.body()).doesNotContain("Exception").doesNotContain("\tat ");
    HttpResponse<String> outside = json("POST", base + "/frame-candidates/folder", "olivia",
        "{\"folder\": \"" + data.getParent() + "\"}");
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(json("POST", base + "/frame-candidates/folder", "anna",
        "{\"folder\": \"" + folder + "\"}").statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(get(base + "/frames", "olivia").body()).size()).isEqualTo(1);
  }

  private static byte[] mask(int w, int h, int right) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 4; y < h - 4; y++) {
      for (int x = 4; x < right; x++) {
        image.getRaster().setSample(x, y, 0, 255);
      }
    }
    return HostileFiles.encode(image, "png");
  }

  private HttpResponse<String> saveMask(String frameBase, String user, int version, byte[] png)
      throws Exception {
    HttpRequest post = new Multipart().file("mask", "mask.png", png)
        .field("version", Integer.toString(version))
        .request(uri(frameBase + "/mask"), basic(user));
    HttpRequest put = HttpRequest.newBuilder(post, (n, v) -> true)
        .method("PUT", post.bodyPublisher().orElseThrow()).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(put, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static List<String> zipEntries(byte[] zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return send("GET", path, user, null, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> json(String method, String path, String user, String body)
      throws Exception {
    return send(method, path, user, body, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(String method, String path, String user, String body,
      HttpResponse.BodyHandler<T> handler) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (user != null) {
      b.header("Authorization", basic(user));
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(b.build(), handler);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
