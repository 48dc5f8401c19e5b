package org.polypseg.web.fairuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, login off (clients are told apart by address): reports are costly work that no
 * queue shares out, so a client over its allowance of them gets 429 with Retry-After and a problem
 * detail, while another client (127.0.0.2, also this machine) is served meanwhile. Segmentations
 * are not counted: the fair inference queue shares the model instead of a cap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "polypseg.rate-limit.requests-per-minute=6", "polypseg.rate-limit.burst=3"})
class RateLimitTest {

  private static final java.nio.file.Path LOG;

  static {
    try {
      LOG = java.nio.file.Files.createTempDirectory("polypseg-rate").resolve("audit.jsonl");
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @LocalServerPort int port;

  @org.springframework.test.context.DynamicPropertySource
  static void auditLog(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("polypseg.audit.file", LOG::toString);
  }

  @Test
  void aClientOverItsAllowanceWaitsAndAnotherIsServed() throws Exception {
    byte[] png = HostileFiles.encode(SyntheticData.pair(64, 48, new java.util.Random(9))[0], "png");
    try (HttpClient first = HttpClient.newHttpClient();
        HttpClient second = HttpClient.newBuilder()
            .localAddress(InetAddress.getByName("127.0.0.2")).build()) {
      for (int i = 0; i < 3; i++) {
        assertThat(report(first, png).statusCode()).as("report %d", i + 1).isEqualTo(200);
      }
      HttpResponse<String> over = report(first, png);
      assertThat(over.statusCode()).isEqualTo(429);
      // 6 a minute: the next one is at most 10 s away.
      assertThat(over.headers().firstValue("Retry-After")).hasValueSatisfying(
          v -> assertThat(Integer.parseInt(v)).isBetween(1, 10));
      assertThat(over.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(over.body()).contains("\"status\":429", "try again in");

      assertThat(report(second, png).statusCode()).as("another client").isEqualTo(200);
      assertThat(report(first, png).statusCode()).as("still over").isEqualTo(429);
      for (int i = 0; i < 5; i++) {
        assertThat(segment(first, png).statusCode()).as("segmentation %d, not capped", i + 1)
            .isEqualTo(200);
      }
    }
    // The refusals are in the audit log; their uploads were not read, so they carry no tag.
    java.util.List<String> lines = java.nio.file.Files.readAllLines(LOG);
    assertThat(lines).filteredOn(l -> l.contains("\"outcome\":\"rate-limited\""))
        .hasSize(2).allSatisfy(l -> assertThat(l).contains("\"action\":\"report\"",
            "\"status\":429", "\"uploads\":[]", "\"address\":\"127.0.0.1\""));
    assertThat(lines).filteredOn(l -> l.contains("\"outcome\":\"ok\"")).hasSize(4 + 5);
  }

  private HttpResponse<String> report(HttpClient client, byte[] png) throws Exception {
    return client.send(new Multipart().file("image", "frame.png", png)
        .request(URI.create("http://127.0.0.1:" + port + "/api/reports?format=pdf"), null),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> segment(HttpClient client, byte[] png) throws Exception {
    return client.send(new Multipart().file("image", "frame.png", png)
        .request(URI.create("http://127.0.0.1:" + port + "/api/segmentations"), null),
        HttpResponse.BodyHandlers.ofString());
  }
}
