package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The pictures made from a segmentation, checked pixel by pixel on a small hand-made map. */
class SegmentationImagesTest {

  private static final ModelSummary MODEL = new ModelSummary("m", "00", "none", 0, 0, 8);

  // 6 x 4 map: a 3 x 2 block of 0.9 with one 0.6 pixel, everything else 0.1.
  private static final float[] MAP = {
    0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f,
    0.1f, 0.9f, 0.9f, 0.6f, 0.1f, 0.1f,
    0.1f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f,
    0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f,
  };
  private final Segmentation s = new Segmentation(6, 4, MAP, 1.0, MODEL);

  @Test
  void theMaskHoldsThePixelsAtOrAboveTheThreshold() {
    BufferedImage mask = SegmentationImages.maskImage(s, 0.6);
    assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(grey(mask, 3, 1)).isEqualTo(255);
    assertThat(grey(mask, 0, 0)).isZero();
    BufferedImage stricter = SegmentationImages.maskImage(s, 0.61);
    assertThat(grey(stricter, 3, 1)).isZero();
    assertThat(grey(stricter, 2, 2)).isEqualTo(255);
  }

  @Test
  void theOverlayTintsThePolypOutlinesItAndDrawsTheTruthOnTop() {
    BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 6; x++) {
        image.setRGB(x, y, 0x808080);
      }
    }
    // A 1-px line on this small image: every pixel of a 3x2 block touches the background.
    BufferedImage plain = SegmentationImages.overlay(image, s, 0.5, null);
    assertThat(plain.getRGB(1, 1) & 0xFFFFFF).isEqualTo(SegmentationImages.CONTOUR);
    assertThat(plain.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x808080);

    boolean[] truth = new boolean[24];
    truth[3 * 6 + 5] = true;
    BufferedImage withTruth = SegmentationImages.overlay(image, s, 0.5, truth);
    assertThat(withTruth.getRGB(5, 3) & 0xFFFFFF).isEqualTo(SegmentationImages.TRUTH);
  }

  @Test
  void interiorPixelsAreTintedNotOutlined() {
    boolean[] region = new boolean[25];
    for (int y = 1; y < 4; y++) {
      for (int x = 1; x < 4; x++) {
        region[y * 5 + x] = true;
      }
    }
    boolean[] edges = SegmentationImages.edges(region, 5, 5, 1);
    assertThat(edges[2 * 5 + 2]).isFalse();
    assertThat(edges[1 * 5 + 1]).isTrue();
    assertThat(edges[0]).isFalse();
  }

  @Test
  void theHeatMapRunsFromBlackToPaleYellow() {
    assertThat(SegmentationImages.heatColour(0)).isEqualTo(0x000004);
    assertThat(SegmentationImages.heatColour(1)).isEqualTo(0xFCFFA4);
    BufferedImage heat = SegmentationImages.heatMap(s);
    assertThat(heat.getRGB(1, 1) & 0xFFFFFF).isNotEqualTo(heat.getRGB(0, 0) & 0xFFFFFF);
  }

  @Test
  void pngBytesDecodeToTheSamePixels() throws IOException {
    BufferedImage mask = SegmentationImages.maskImage(s, 0.5);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(SegmentationImages.png(mask)));
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 6; x++) {
        assertThat(grey(back, x, y)).isEqualTo(grey(mask, x, y));
      }
    }
  }

  @Test
  void lineWidthGrowsWithTheImage() {
    assertThat(SegmentationImages.lineWidth(6, 4)).isEqualTo(1);
    assertThat(SegmentationImages.lineWidth(622, 530)).isEqualTo(2);
  }

  private static int grey(BufferedImage image, int x, int y) {
    return image.getRaster().getSample(x, y, 0);
  }
}
