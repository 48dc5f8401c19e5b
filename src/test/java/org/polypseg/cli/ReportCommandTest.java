package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** {@code polypseg report ...} as a user runs it, on the shipped model and synthetic frames. */
class ReportCommandTest {

  @TempDir Path dir;
  private Path images;
  private Path masks;
  private String out;
  private String err;

  @BeforeEach
  void frames() throws Exception {
    images = Files.createDirectories(dir.resolve("images"));
    masks = Files.createDirectories(dir.resolve("masks"));
    ImageIO.write(frame(320, 240, false), "png", images.resolve("a.png").toFile());
    ImageIO.write(frame(320, 240, false), "jpg", images.resolve("b.jpg").toFile());
    ImageIO.write(frame(320, 240, true), "png", masks.resolve("a.png").toFile());
  }

  private static BufferedImage frame(int w, int h, boolean mask) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(mask ? Color.BLACK : new Color(0xB0, 0x50, 0x40));
    g.fillRect(0, 0, w, h);
    g.setColor(mask ? Color.WHITE : new Color(0xE0, 0xA0, 0x90));
    g.fillOval(w / 3, h / 3, w / 3, h / 3);
    g.dispose();
    return image;
  }

  private int run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      return PolypSegCommand.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesABatchPdfWithDiceWhereAMaskWasFound() throws Exception {
    Path report = dir.resolve("reports/case.pdf");
    int code = run("report", images.resolve("a.png").toString(), images.resolve("b.jpg").toString(),
        "--masks", masks.toString(), "--case", "phantom 1", "--threshold", "0.4",
        "--out", report.toString());
    assertThat(code).as(err).isZero();
    assertThat(out).contains("wrote " + report + " (2 images");
    assertThat(err).contains("no mask for b.jpg");
    PdfReader reader = new PdfReader(report.toString());
    String first = new PdfTextExtractor(reader).getTextFromPage(1);
    reader.close();
    assertThat(first).contains("phantom 1", "a.png", "b.jpg", "0.40");
  }

  @Test
  void writesWordWhenAsked() throws Exception {
    Path report = dir.resolve("case.out");
    int code = run("report", images.resolve("a.png").toString(), "--format", "docx",
        "--out", report.toString(), "--timings");
    assertThat(code).as(err).isZero();
    assertThat(out).contains("report (1 image, docx) made in");
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(report))) {
      assertThat(doc.getTables()).isNotEmpty();
    }
  }

  @Test
  void aBadImageIsNamedAndNothingIsWritten() throws Exception {
    Files.writeString(images.resolve("notes.png"), "not an image");
    Path report = dir.resolve("r.pdf");
    int code = run("report", images.resolve("a.png").toString(),
        images.resolve("notes.png").toString(), "--out", report.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err).contains("notes.png").doesNotContain("Exception", "\tat ");
    assertThat(report).doesNotExist();
  }

  @Test
  void aMaskOfAnotherSizeIsNamedAndNothingIsWritten() throws Exception {
    ImageIO.write(frame(100, 80, true), "png", masks.resolve("b.png").toFile());
    Path report = dir.resolve("r.pdf");
    int code = run("report", images.resolve("b.jpg").toString(), "--masks", masks.toString(),
        "--out", report.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err).contains(masks.resolve("b.png") + ": mask is 100x80 but its image b.jpg is 320x240");
    assertThat(report).doesNotExist();
  }

  @Test
  void aFrameGivenAsAMaskIsNamedWithWhatAMaskIsAndNothingIsWritten() throws Exception {
    ImageIO.write(frame(320, 240, false), "png", masks.resolve("b.png").toFile());
    Path report = dir.resolve("r.pdf");
    int code = run("report", images.resolve("b.jpg").toString(), "--masks", masks.toString(),
        "--out", report.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err).contains(masks.resolve("b.png") + ": not a ground-truth mask: ")
        .contains("black (background) and white (polyp)").doesNotContain("Exception");
    assertThat(report).doesNotExist();
  }

  @Test
  void optionMistakesAreExplained() throws Exception {
    String a = images.resolve("a.png").toString();
    assertThat(run("report", a, "--out", dir.resolve("r.txt").toString())).isEqualTo(2);
    assertThat(err).contains("unknown report format 'txt'; use pdf or docx");
    assertThat(run("report", a, "--threshold", "1.5", "--out", dir.resolve("r.pdf").toString()))
        .isEqualTo(2);
    assertThat(err).contains("--threshold must be between 0 and 1");
    Path template = dir.resolve("clinic.docx");
    assertThat(run("report", a, "--template", template.toString(),
        "--out", dir.resolve("r.docx").toString())).isEqualTo(2);
    assertThat(err).contains(template + ": report template not found");
    assertThat(dir.resolve("r.docx")).doesNotExist();
  }
}
