package org.polypseg.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.polypseg.web.UploadTag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over real HTTP, with login on and the audit log in a file: every segmentation and report is one
 * JSON line with the user, the action, the uploads' hash tags and the outcome; sign-ins are
 * recorded; and the log holds neither the uploaded file names nor the case label.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "polypseg.rate-limit.requests-per-minute=0")
class AuditLogTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final Path LOG;

  static {
    try {
      LOG = Files.createTempDirectory("polypseg-audit").resolve("logs/audit.jsonl");
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @LocalServerPort int port;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    registry.add("polypseg.security.enabled", () -> "true");
    registry.add("polypseg.security.users[0].username", () -> "alice");
    registry.add("polypseg.security.users[0].password-hash", () -> hash);
    registry.add("polypseg.audit.file", LOG::toString);
  }

  @Test
  void everyAccessIsOneLineWithUserActionTagAndOutcomeAndNoPatientData() throws Exception {
    byte[] first = HostileFiles.encode(SyntheticData.pair(64, 48, new java.util.Random(1))[0], "png");
    byte[] second = HostileFiles.encode(SyntheticData.pair(80, 60, new java.util.Random(2))[0], "png");
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        ("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String patientName = "Jane-Doe-1950-03-04";
    String caseLabel = "Doe Jane MRN 4711";

    HttpResponse<String> segmented = new Multipart().file("image", patientName + ".png", first)
        .post(uri("/api/segmentations"), auth);
    assertThat(segmented.statusCode()).isEqualTo(200);
    HttpResponse<String> report = new Multipart().file("image", patientName + "-a.png", first)
        .file("image", patientName + "-b.png", second).field("case", caseLabel)
        .post(uri("/api/reports?format=pdf"), auth);
    assertThat(report.statusCode()).isEqualTo(200);
    HttpResponse<String> bad = new Multipart().file("image", patientName + ".png",
        "not an image".getBytes(StandardCharsets.UTF_8)).post(uri("/api/segmentations"), auth);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new Multipart().file("image", "x.png", first)
        .post(uri("/api/segmentations"), "Basic " + Base64.getEncoder().encodeToString(
            "alice:wrong".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);

    String text = Files.readString(LOG);
    List<JsonNode> lines = text.lines().map(l -> JsonMapper.builder().build().readTree(l)).toList();
    List<JsonNode> access = lines.stream()
        .filter(l -> !l.get("action").asString().equals("sign-in")).toList();
    assertThat(access).hasSize(3);

    JsonNode segment = access.get(0);
    assertThat(segment.get("action").asString()).isEqualTo("segment");
    assertThat(segment.get("user").asString()).isEqualTo("alice");
    assertThat(segment.get("address").asString()).isEqualTo("127.0.0.1");
    assertThat(segment.get("uploads").get(0).asString()).isEqualTo(UploadTag.of(first));
    assertThat(segment.get("outcome").asString()).isEqualTo("ok");
    assertThat(segment.get("status").asInt()).isEqualTo(200);
    assertThat(segment.get("durationMs").asLong()).isNotNegative();
    assertThat(segment.get("time").asString()).endsWith("Z");

    JsonNode made = access.get(1);
    assertThat(made.get("action").asString()).isEqualTo("report");
    assertThat(made.get("uploads").size()).isEqualTo(2);
    assertThat(made.get("uploads").get(1).asString()).isEqualTo(UploadTag.of(second));
    assertThat(made.get("outcome").asString()).isEqualTo("ok");

    assertThat(access.get(2).get("outcome").asString()).isEqualTo("rejected");
    assertThat(access.get(2).get("status").asInt()).isEqualTo(400);

    // The refused sign-in, without the name typed.
    assertThat(lines).filteredOn(l -> l.get("action").asString().equals("sign-in"))
        .singleElement().satisfies(l -> {
          assertThat(l.get("outcome").asString()).isEqualTo("failed");
          assertThat(l.get("address").asString()).isEqualTo("127.0.0.1");
          assertThat(l.has("user")).isFalse();
        });

    assertThat(text).doesNotContain("Jane", "Doe", "4711", ".png", "wrong");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
