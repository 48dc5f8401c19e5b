package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patient images leave no trace: an upload is held in memory only (no temporary file holds its
 * bytes), neither the answer's PNG nor a report's pictures carry the upload's metadata, and the
 * log never names the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NothingAtRestTest {

  @LocalServerPort int port;

  @Autowired MultipartConfigElement multipart;

  @Test
  void uploadsAndPicturesAreNeverSpooledToDisk() {
    // The container would write any part over the threshold to a temporary file.
    assertThat(multipart.getFileSizeThreshold()).as("bytes held in memory per part")
        .isGreaterThanOrEqualTo(20 * 1024 * 1024);
    // ImageIO would cache every stream it decodes or encodes in a temporary file.
    assertThat(ImageIO.getUseCache()).isFalse();
  }

  @Test
  void anUploadLeavesNoFileAndNoNameBehindAndItsMetadataDoesNotTravel(CapturedOutput output)
      throws Exception {
    String marker = "Patient Jane Doe " + UUID.randomUUID();
    // A few MB, so that a container that spools big parts would have done so.
    byte[] png = HostileFiles.withTextChunk(HostileFiles.encode(
        noisy(1600, 1200), "png"), "Comment", marker);
    assertThat(png.length).isGreaterThan(2_000_000);
    String fileName = "jane-doe-" + UUID.randomUUID() + ".png";
    Instant before = Instant.now().minusSeconds(1);

    HttpResponse<String> ok = new Multipart().file("image", fileName, png)
        .post(URI.create("http://localhost:" + port + "/api/segmentations"));
    HttpResponse<String> bad = new Multipart().file("image", fileName, new byte[] {1, 2, 3})
        .post(URI.create("http://localhost:" + port + "/api/segmentations"));
    HttpResponse<byte[]> report = new Multipart().file("image", fileName, png)
        .postForBytes(URI.create("http://localhost:" + port + "/api/reports?format=docx"));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(bad.statusCode()).isEqualTo(400);
    byte[] mask = Base64.getDecoder().decode(
        JsonMapper.builder().build().readTree(ok.body()).get("maskPng").asString());
    assertThat(HostileFiles.pngChunks(mask)).containsOnly("IHDR", "IDAT", "IEND");
    assertThat(new String(mask, StandardCharsets.ISO_8859_1)).doesNotContain("Jane");
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(containsBytes(unzipped(report.body()), marker.getBytes(StandardCharsets.ISO_8859_1)))
        .as("the report's pictures are made from the pixels alone").isFalse();

    // Nothing left behind in the temp folder holds the upload's bytes.
    byte[] needle = marker.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(filesWrittenSince(before, Path.of(System.getProperty("java.io.tmpdir"))))
        .noneMatch(file -> contains(file, needle));
    assertThat(output.getAll()).doesNotContain(fileName).doesNotContain("Jane Doe");
  }

  /** A frame with noise, so that its PNG is megabytes rather than kilobytes. */
  private static BufferedImage noisy(int w, int h) {
    BufferedImage frame = SyntheticData.pair(w, h, new Random(9))[0];
    Random random = new Random(4);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        frame.setRGB(x, y, frame.getRGB(x, y) ^ (random.nextInt() & 0x0F0F0F));
      }
    }
    return frame;
  }

  private static List<Path> filesWrittenSince(Instant since, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir, 8)) {
      return files.filter(Files::isRegularFile).filter(p -> {
        try {
          FileTime modified = Files.getLastModifiedTime(p);
          return modified.toInstant().isAfter(since) && Files.size(p) < 200_000_000;
        } catch (IOException e) {
          return false; // gone or unreadable: another process's
        }
      }).toList();
    } catch (UncheckedIOException e) {
      return List.of();
    }
  }

  /** Every entry of a zip (a .docx) one after another, uncompressed. */
  private static byte[] unzipped(byte[] zip) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      while (in.getNextEntry() != null) {
        all.writeBytes(in.readAllBytes());
      }
    }
    return all.toByteArray();
  }

  private static boolean contains(Path file, byte[] needle) {
    try {
      return containsBytes(Files.readAllBytes(file), needle);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean containsBytes(byte[] bytes, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
