package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;

/**
 * The documents opened by programs other than the ones that wrote them: poppler's pdftoppm renders
 * the PDF, LibreOffice converts the Word file. Both are Debian packages that {@code
 * ./polypseg setup} installs; where one is missing its test is skipped, not failed.
 * Real Kvasir-SEG frames segmented by the shipped model when the datasets are there.
 */
class ReportRenderingIntegrationTest {

  private static ReportRequest batch;
  private static ReportRequest single;

  @TempDir Path dir;

  private final ReportService service = new ReportService(ReportTemplates.defaults(), null);

  @BeforeAll
  static void requests() throws Exception {
    if (ReportFixtures.realDataPresent()) {
      batch = ReportFixtures.realBatch(3);
      single = new ReportRequest("one", List.of(batch.items().getFirst()), ReportFixtures.CREATED);
    } else {
      batch = ReportFixtures.batch();
      single = ReportFixtures.single();
    }
  }

  @Test
  void popplerRendersEveryPageOfThePdf() throws Exception {
    assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) not installed");
    for (ReportRequest request : List.of(single, batch)) {
      Path pdf = Files.write(dir.resolve("report-" + request.items().size() + ".pdf"),
          service.render(request, ReportFormat.PDF));
      int pages = pageCount(pdf);
      if (request.isBatch()) {
        // Summary, one page per image, the model: at least 1 + 3 pages.
        assertThat(pages).isGreaterThanOrEqualTo(1 + request.items().size());
      }
      List<Path> images = pdftoppm(pdf);
      assertThat(images).hasSize(pages);
      for (Path png : images) {
        assertRenderedA4Page(png);
      }
    }
  }

  @Test
  void libreOfficeOpensTheWordReportAndLaysItOut() throws Exception {
    String office = onPath("soffice") ? "soffice" : onPath("libreoffice") ? "libreoffice" : null;
    assumeTrue(office != null, "LibreOffice (soffice) not installed");
    Path single1 = Files.write(dir.resolve("single.docx"), service.render(single, ReportFormat.DOCX));
    Path batch3 = Files.write(dir.resolve("batch.docx"), service.render(batch, ReportFormat.DOCX));
    Path out = Files.createDirectories(dir.resolve("converted"));
    // A private profile: a second LibreOffice (a user's, another test) never blocks this one.
    Process p = new ProcessBuilder(office, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
        "--headless", "--convert-to", "pdf", "--outdir", out.toString(), single1.toString(),
        batch3.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
    assertThat(p.exitValue()).as(log).isZero();

    Path singlePdf = out.resolve("single.pdf");
    Path batchPdf = out.resolve("batch.pdf");
    assertThat(singlePdf).as(log).exists();
    assertThat(batchPdf).as(log).exists();
    int singlePages = pageCount(singlePdf);
    int batchPages = pageCount(batchPdf);
    assertThat(singlePages).isBetween(1, 4);
    // Each image of a batch starts a page after the summary.
    assertThat(batchPages).isGreaterThanOrEqualTo(1 + batch.items().size());
    String text = ReportDocuments.pdfText(Files.readAllBytes(batchPdf)).replaceAll("\\s+", " ");
    assertThat(text).contains("Batch summary", batch.items().get(1).name(),
        "not a medical device").doesNotContain("{{");
    if (onPath("pdftoppm")) {
      assertThat(pdftoppm(batchPdf)).hasSize(batchPages);
    }
  }

  private static int pageCount(Path pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf.toString());
    try {
      return reader.getNumberOfPages();
    } finally {
      reader.close();
    }
  }

  private List<Path> pdftoppm(Path pdf) throws Exception {
    Path pages = Files.createDirectories(dir.resolve(pdf.getFileName() + "-pages"));
    Process p = new ProcessBuilder("pdftoppm", "-r", "40", "-png", pdf.toString(),
        pages.resolve("page").toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).as("pdftoppm complained").doesNotContainIgnoringCase("error");
    try (Stream<Path> files = Files.list(pages)) {
      return new ArrayList<>(files.sorted().toList());
    }
  }

  /** A page picture: A4's proportions, and ink on it. */
  private static void assertRenderedA4Page(Path png) throws IOException {
    BufferedImage page = ImageIO.read(png.toFile());
    assertThat((double) page.getWidth() / page.getHeight()).isCloseTo(210 / 297.0,
        org.assertj.core.data.Offset.offset(0.01));
    long dark = 0;
    for (int y = 0; y < page.getHeight(); y += 2) {
      for (int x = 0; x < page.getWidth(); x += 2) {
        int rgb = page.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 600) {
          dark++;
        }
      }
    }
    assertThat(dark).as(png + " has content").isGreaterThan(100);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
