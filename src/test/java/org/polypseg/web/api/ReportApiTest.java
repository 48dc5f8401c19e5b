package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.polypseg.report.ReportDocuments;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.Multipart;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/reports} over real HTTP with the shipped model: the documents are opened again
 * with a PDF text extractor and POI, and bad requests are problem details naming the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void aBatchPdfHasEveryImageAndMasksAreMatchedByName() throws Exception {
    byte[][] real = SegmentationApiTest.imageAndMask();
    byte[] synthetic = SegmentationApiTest.png(SyntheticData.pair(200, 160, new Random(3))[0]);
    HttpResponse<byte[]> response = new Multipart()
        .file("image", "frame.jpg", real[0]).file("image", "second.png", synthetic)
        .file("mask", "frame.png", real[1])
        .field("threshold", "0.45").field("case", "study 7").field("format", "pdf")
        .field("timeZone", "Europe/Berlin")
        .postForBytes(uri("/api/reports"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).startsWith("attachment")
            .contains("polyp-batch-report-study-7-2-images-").endsWith(".pdf\""));
    String text = ReportDocuments.pdfText(response.body()).replaceAll("\\s+", " ");
    assertThat(text).contains("study 7", "frame.jpg", "second.png", "0.45",
        "(Europe/Berlin, UTC+");
    assertThat(text).containsIgnoringCase("dice");
  }

  @Test
  void aOneImageWordReportHasTheImageAndItsOverlay() throws Exception {
    HttpResponse<byte[]> response = new Multipart()
        .file("image", "frame.jpg", SegmentationApiTest.imageAndMask()[0])
        .field("format", "docx")
        .postForBytes(uri("/api/reports"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).contains("wordprocessingml"));
    try (XWPFDocument doc = ReportDocuments.docx(response.body())) {
      assertThat(ReportDocuments.docxText(doc)).contains("frame.jpg");
      assertThat(doc.getAllPictures()).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void badRequestsAreProblemDetailsNamingTheFile() throws Exception {
    byte[] image = SegmentationApiTest.imageAndMask()[0];
    byte[] mask = SegmentationApiTest.imageAndMask()[1];
    assertProblem(new Multipart().file("image", "a.jpg", image).file("image", "b.jpg", image)
        .file("mask", "c.png", mask), "c.png: no image of the request has this base name");
    assertProblem(new Multipart().file("image", "a.jpg", image).field("format", "xls"),
        "unknown report format 'xls'");
    assertProblem(new Multipart().file("image", "notes.png", "just text".getBytes()),
        "notes.png");
    assertProblem(new Multipart().file("image", "a.jpg", image).field("timeZone", "Mars/Olympus"),
        "Mars/Olympus");
  }

  @Test
  void aFileOfABatchThatCannotBeReadIsListedInTheReport() throws Exception {
    byte[] image = SegmentationApiTest.imageAndMask()[0];
    HttpResponse<byte[]> response = new Multipart().file("image", "a.jpg", image)
        .file("image", "notes.png", "just text".getBytes()).field("format", "pdf")
        .postForBytes(uri("/api/reports"));
    assertThat(response.statusCode()).isEqualTo(200);
    String text = ReportDocuments.pdfText(response.body()).replaceAll("\\s+", " ");
    assertThat(text).contains("Files not analysed", "notes.png", "1 (1 not analysed)", "a.jpg");
  }

  private void assertProblem(Multipart form, String detail) throws Exception {
    HttpResponse<byte[]> response = form.postForBytes(uri("/api/reports"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(detail);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
