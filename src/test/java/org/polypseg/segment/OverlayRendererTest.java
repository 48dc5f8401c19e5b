package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {

  private static final int W = 40;
  private static final int H = 30;
  private static final ModelSummary MODEL = new ModelSummary("m", "0", "none", 0, 0, 8);

  /** Probability 0.9 in the square x, y in [10, 20), 0.1 elsewhere. */
  private static Segmentation square() {
    float[] p = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        p[y * W + x] = x >= 10 && x < 20 && y >= 10 && y < 20 ? 0.9f : 0.1f;
      }
    }
    return new Segmentation(W, H, p, 1, MODEL);
  }

  private static BufferedImage grey() {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        image.setRGB(x, y, 0x808080);
      }
    }
    return image;
  }

  @Test
  void tintsThePolypOutlinesItAndLeavesTheRestAlone() {
    BufferedImage out = OverlayRenderer.render(grey(), square(), 0.5, null);
    assertThat(out.getRGB(15, 15) & 0xFFFFFF)
        .isEqualTo(OverlayRenderer.blend(0x808080, OverlayRenderer.TINT, OverlayRenderer.TINT_ALPHA));
    assertThat(out.getRGB(10, 15) & 0xFFFFFF).isEqualTo(OverlayRenderer.CONTOUR);
    assertThat(out.getRGB(19, 19) & 0xFFFFFF).isEqualTo(OverlayRenderer.CONTOUR);
    assertThat(out.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0x808080);
  }

  @Test
  void aThresholdAboveEveryProbabilityDrawsNothing() {
    BufferedImage out = OverlayRenderer.render(grey(), square(), 0.95, null);
    assertThat(out.getRGB(15, 15) & 0xFFFFFF).isEqualTo(0x808080);
  }

  @Test
  void drawsTheTruthOutlineOnTop() {
    boolean[] truth = new boolean[W * H];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        truth[y * W + x] = true;
      }
    }
    BufferedImage out = OverlayRenderer.render(grey(), square(), 0.5, truth);
    assertThat(out.getRGB(7, 3) & 0xFFFFFF).isEqualTo(OverlayRenderer.TRUTH);
    assertThat(out.getRGB(3, 3) & 0xFFFFFF).isEqualTo(0x808080);
  }

  @Test
  void refusesAnImageOfAnotherSize() {
    assertThatThrownBy(() -> OverlayRenderer.render(new BufferedImage(5, 5,
        BufferedImage.TYPE_INT_RGB), square(), 0.5, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in size");
  }

  @Test
  void linesGrowWithTheImage() {
    assertThat(OverlayRenderer.lineWidth(384, 288)).isEqualTo(1);
    assertThat(OverlayRenderer.lineWidth(1920, 1072)).isEqualTo(4);
  }
}
