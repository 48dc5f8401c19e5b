package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import com.vaadin.flow.server.streams.DownloadEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.polypseg.image.Images;
import org.polypseg.segment.ThresholdAnalysis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's "Figures CSV" and "Figures JSON": what a researcher downloads matches the page. */
class FiguresDownloadsTest extends PageTestSupport {

  @Test
  void oneRowPerImageWithThePagesFiguresInCsvAndJson() throws Exception {
    assertThat(view.figures().isVisible()).as("no buttons on an empty page").isFalse();
    BufferedImage[] a = WebTestData.pair(320, 240, 1);
    BufferedImage[] b = WebTestData.pair(200, 160, 2);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    view.receive("notes.png", "not an image".getBytes());
    view.receive("b, second.png", WebTestData.encode(b[0], "png"));
    awaitAllSettled();
    ImageCase first;
    ImageCase second;
    synchronized (context) {
      assertThat(view.figures().isVisible()).isTrue();
      assertThat(view.figures().enabled()).isTrue();
      first = view.cases().get(0);
      second = view.cases().get(2);
      first.setThreshold(0.7);
      first.attachTruth("a-mask.png", Images.binaryMask(a[1]), 320, 240);
    }

    String csv = new String(download(true), StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo(
        "name,width,height,threshold,areaPx,areaPercent,regions,dice,iou,corrected,error");
    ThresholdAnalysis fa = first.analysis();
    assertThat(lines[1]).isEqualTo(String.format(java.util.Locale.ROOT,
        "a.png,320,240,0.7000,%d,%.4f,%d,%.6f,%.6f,false,", fa.areaPx(),
        fa.areaFraction() * 100, fa.regions().size(), fa.dice(), fa.iou()));
    assertThat(lines[2]).startsWith("notes.png,,,,,,,,,,").contains("not a recognised image");
    assertThat(lines[3]).startsWith("\"b, second.png\",200,160,0.5000,"
        + second.analysis().areaPx() + ",").endsWith(",,,false,");

    JsonNode json = JsonMapper.builder().build().readTree(download(false));
    assertThat(json).hasSize(3);
    assertThat(json.get(0).get("threshold").asDouble()).isEqualTo(0.7);
    assertThat(json.get(0).get("areaPx").asLong()).isEqualTo(fa.areaPx());
    assertThat(json.get(0).get("dice").asDouble()).isEqualTo(fa.dice());
    assertThat(json.get(0).get("iou").asDouble()).isEqualTo(fa.iou());
    assertThat(json.get(1).get("error").asString()).startsWith("notes.png: ");
    assertThat(json.get(2).get("name").asString()).isEqualTo("b, second.png");
    assertThat(json.get(2).get("regions").asInt()).isEqualTo(second.analysis().regions().size());
    assertThat(json.get(2).get("dice").isNull()).isTrue();
  }

  @Test
  void theMasksZipHoldsEverySegmentedImagesMaskAsCorrectedNamedAfterTheImage() throws Exception {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 1)[0], "png"));
    view.receive("notes.png", "not an image".getBytes());
    view.receive("b, second.png", WebTestData.encode(WebTestData.pair(200, 160, 2)[0], "png"));
    awaitAllSettled();
    ImageCase first;
    long secondArea;
    synchronized (context) {
      first = view.cases().get(0);
      secondArea = view.cases().get(2).analysis().areaPx();
      // Everything erased by hand on the first image.
      boolean[] predicted = first.mask();
      first.setEdits(org.polypseg.segment.MaskEdits.between(predicted,
          new boolean[predicted.length], 320, 240).toText());
      assertThat(first.corrected()).isTrue();
      assertThat(first.analysis().areaPx()).isZero();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    view.figures().masksDownload().handleDownloadRequest(WebTestData.download(body));
    java.util.Map<String, Long> white = new java.util.LinkedHashMap<>();
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
        new java.io.ByteArrayInputStream(body.toByteArray()))) {
      for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        BufferedImage mask = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
            zip.readAllBytes()));
        long n = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
          for (int x = 0; x < mask.getWidth(); x++) {
            n += mask.getRaster().getSample(x, y, 0) == 255 ? 1 : 0;
          }
        }
        white.put(e.getName(), n);
      }
    }
    assertThat(white).containsExactly(java.util.Map.entry("a-mask.png", 0L),
        java.util.Map.entry("b_second-mask.png", secondArea));
    assertThat(secondArea).isPositive();
  }

  @Test
  void withNothingSegmentedTheButtonsAreOffAndADownloadSaysSo() throws Exception {
    view.receive("notes.png", "not an image".getBytes());
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.figures().isVisible()).isTrue();
      assertThat(view.figures().enabled()).as("only a failed image").isFalse();
      context.errors.clear();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DownloadEvent event = WebTestData.download(body);
    view.figures().download(true).handleDownloadRequest(event);
    verify(event.getResponse()).setStatus(409);
    assertThat(body.size()).isZero();
    assertThat(context.errors).singleElement().asString().contains("Nothing to export");
    assertThat(view.cases()).hasSize(1);
  }

  private byte[] download(boolean csv) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    view.figures().download(csv).handleDownloadRequest(WebTestData.download(body));
    return body.toByteArray();
  }

}
