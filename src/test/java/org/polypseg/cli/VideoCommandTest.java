package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.video.ClipReader;
import org.polypseg.video.TestClips;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoLimits;

/** {@code polypseg video} with the shipped model on a CVC-ClinicDB sequence (or synthetic). */
class VideoCommandTest {

  @TempDir Path dir;

  @Test
  void writesTheAnnotatedVideoTheCsvAndTheReport() throws Exception {
    List<BufferedImage> frames = TestClips.cvcFrames();
    if (frames == null) {
      frames = TestClips.syntheticFrames(10, 384, 288);
    }
    Path in = dir.resolve("sequence.avi");
    Files.write(in, TestClips.encode(frames, VideoFormat.AVI));
    Path out = dir.resolve("out/annotated.webm");
    Path csv = dir.resolve("frames.csv");
    Path report = dir.resolve("clip.pdf");

    String[] result = run("video", in.toString(), "--out", out.toString(), "--csv",
        csv.toString(), "--report", report.toString(), "--stride", "3", "--threshold", "0.4");

    assertThat(result[0]).as(result[1]).isEqualTo("0");
    try (ClipReader reader = ClipReader.open(out, VideoLimits.DEFAULT)) {
      int count = 0;
      while (reader.next() != null) {
        count++;
      }
      assertThat(count).isEqualTo(frames.size());
    }
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.getFirst()).isEqualTo("index,timeSeconds,areaFraction,regions,maxProbability");
    assertThat(rows).hasSize(1 + (frames.size() + 2) / 3);
    assertThat(rows.get(1)).startsWith("0,0.000,");
    assertThat(rows.get(2)).startsWith("3,0.120,");
    assertThat(new String(Files.readAllBytes(report), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    // Tagged like the image reports, with the letterhead as page decoration.
    org.openpdf.text.pdf.PdfReader pdf = new org.openpdf.text.pdf.PdfReader(
        Files.readAllBytes(report));
    try {
      var catalog = pdf.getCatalog();
      assertThat(catalog.getAsDict(org.openpdf.text.pdf.PdfName.MARKINFO)
          .getAsBoolean(org.openpdf.text.pdf.PdfName.MARKED).booleanValue()).isTrue();
      assertThat(catalog.getAsDict(org.openpdf.text.pdf.PdfName.STRUCTTREEROOT)).isNotNull();
      String page = new String(pdf.getPageContent(1), StandardCharsets.ISO_8859_1);
      assertThat(page).contains("/MCID", "/Artifact BMC");
    } finally {
      pdf.close();
    }
    assertThat(org.polypseg.report.ReportDocuments.pdfTextWithDecoration(
        Files.readAllBytes(report))).contains("polypseg");
    assertThat(result[1]).contains("wrote " + out);
  }

  @Test
  void badClipIsNamedWithExitCodeTwoAndNothingIsWritten() throws Exception {
    byte[] clip = TestClips.encode(TestClips.syntheticFrames(6, 64, 48), VideoFormat.MP4);
    Path in = dir.resolve("cut.mp4");
    Files.write(in, Arrays.copyOf(clip, 300));
    Path out = dir.resolve("annotated.webm");

    String[] result = run("video", in.toString(), "--out", out.toString());

    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("error: " + in + ": not a readable video")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp*");

    result = run("video", dir.resolve("nowhere.mp4").toString(), "--out", out.toString());
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("nowhere.mp4: file not found");

    result = run("video", in.toString(), "--out", dir.resolve("annotated.gif").toString());
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("annotated.gif: name the video .webm");

    result = run("video", in.toString(), "--out", out.toString(), "--stride", "0");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("stride must be between 1 and 100");
  }

  /** {exit code, stdout, stderr}. */
  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true));
      System.setErr(new PrintStream(stderr, true));
      int code = PolypSegCommand.execute(args);
      return new String[] {Integer.toString(code), stdout.toString(), stderr.toString()};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
