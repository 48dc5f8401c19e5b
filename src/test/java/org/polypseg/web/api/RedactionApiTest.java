package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.junit.jupiter.api.Test;
import org.polypseg.report.ReportDocuments;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/reports} with {@code redact}: the boxes are black in the report's pictures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedactionApiTest {

  @LocalServerPort int port;

  @Test
  void theReportsPicturesAreBlackInTheBoxesAndABoxOutsideIsAProblem() throws Exception {
    byte[] image = SegmentationApiTest.imageAndMask()[0];
    BufferedImage original = ImageIO.read(new ByteArrayInputStream(image));
    int w = original.getWidth();
    int h = original.getHeight();
    HttpResponse<byte[]> response = new Multipart().file("image", "frame.jpg", image)
        .field("format", "docx").field("redact", "0,0,100,80;" + (w - 60) + ",0,60,60")
        .postForBytes(uri("/api/reports"));
    assertThat(response.statusCode()).isEqualTo(200);
    List<BufferedImage> photos = new ArrayList<>();
    try (XWPFDocument doc = ReportDocuments.docx(response.body())) {
      for (XWPFPictureData data : doc.getAllPictures()) {
        BufferedImage p = ImageIO.read(new ByteArrayInputStream(data.getData()));
        if (p != null && Math.abs((double) p.getWidth() / p.getHeight() - (double) w / h) < 0.02) {
          photos.add(p);
        }
      }
    }
    // Original, overlay and heat map: the boxes are black in all three.
    assertThat(photos).hasSize(3);
    for (BufferedImage photo : photos) {
      double s = (double) photo.getWidth() / w;
      assertThat(max(photo.getRGB((int) (50 * s), (int) (40 * s)))).isLessThanOrEqualTo(24);
      assertThat(max(photo.getRGB((int) ((w - 30) * s), (int) (30 * s)))).isLessThanOrEqualTo(24);
    }
    // The middle of the frame is tissue, not black, in the original and the overlay.
    for (BufferedImage photo : photos.subList(0, 2)) {
      assertThat(max(photo.getRGB(photo.getWidth() / 2, photo.getHeight() / 2)))
          .isGreaterThan(40);
    }

    HttpResponse<byte[]> outside = new Multipart().file("image", "frame.jpg", image)
        .field("redact", "0,0," + (w + 5) + ",10").postForBytes(uri("/api/reports"));
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(JsonMapper.builder().build().readTree(outside.body()).get("detail").asString())
        .startsWith("frame.jpg: the box 0,0," + (w + 5) + ",10 (x,y,w,h) reaches outside");
    HttpResponse<byte[]> garbled = new Multipart().file("image", "frame.jpg", image)
        .field("redact", "top-left").postForBytes(uri("/api/reports"));
    assertThat(garbled.statusCode()).isEqualTo(400);
  }

  private static int max(int rgb) {
    return Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
