package org.polypseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.SyntheticData;

/** A mask is black and white; a colour frame or a grey picture given as a mask is refused. */
class MasksTest {

  @Test
  void aBlackAndWhiteMaskGivesTheDatasetsTruth() throws Exception {
    BufferedImage mask = SyntheticData.pair(320, 240, new Random(1))[1];
    assertThat(Masks.truth(mask, "m.png")).isEqualTo(Images.binaryMask(mask));
    assertThat(count(Masks.truth(mask, "m.png"))).isPositive();
  }

  @Test
  void emptyAndFullMasksAreMasks() throws Exception {
    assertThat(count(Masks.truth(filled(64, 48, Color.BLACK), "none.png"))).isZero();
    assertThat(count(Masks.truth(filled(64, 48, Color.WHITE), "all.png"))).isEqualTo(64 * 48);
  }

  @Test
  void jpegNoiseAndSoftEdgesAreAccepted() throws Exception {
    BufferedImage soft = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = soft.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillOval(60, 40, 150, 120);
    g.dispose();
    BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(jpeg(soft)));
    boolean[] truth = Masks.truth(jpeg, "soft.jpg");
    long expected = count(Images.binaryMask(soft));
    assertThat((double) count(truth)).isCloseTo(expected, org.assertj.core.data.Percentage
        .withPercentage(2));
  }

  @Test
  void theColourFrameIsRefusedWithWhatAMaskMustBe() {
    BufferedImage frame = SyntheticData.pair(320, 240, new Random(2))[0];
    assertThatThrownBy(() -> Masks.truth(frame, "frame.png"))
        .isInstanceOf(Masks.NotAMaskException.class)
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("frame.png: not a ground-truth mask: ")
        .hasMessageContaining("% of its pixels are grey or coloured")
        .hasMessageContaining("black (background) and white (polyp)");
  }

  @Test
  void greyPicturesAndColouredMasksAreRefused() {
    BufferedImage grey = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 100; x++) {
        int v = (x * 255) / 99; // a ramp, like a probability map: 50 columns of 64..191
        grey.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    assertThatThrownBy(() -> Masks.truth(grey, "map.png"))
        .hasMessageStartingWith("map.png: not a ground-truth mask: 50 % of its pixels");
    // Red on black: the grey level (85) would make the polyp background without a word.
    BufferedImage red = filled(100, 100, Color.BLACK);
    Graphics2D g = red.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 50, 100);
    g.dispose();
    assertThatThrownBy(() -> Masks.truth(red, "red.png"))
        .isInstanceOf(Masks.NotAMaskException.class);
  }

  @Test
  void justUnderTheAllowanceIsAMaskAndJustOverIsNot() throws Exception {
    BufferedImage mask = filled(100, 100, Color.BLACK);
    Graphics2D g = mask.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 100, 5); // 5 % grey
    g.dispose();
    assertThat(Masks.truth(mask, "edge.png")).hasSize(100 * 100);
    g = mask.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 5, 100, 1); // 6 %
    g.dispose();
    assertThatThrownBy(() -> Masks.truth(mask, "edge.png"))
        .hasMessageContaining("6 % of its pixels");
  }

  /** Real masks (Kvasir-SEG JPEGs with noise near 0 and 255, CVC-ClinicDB PNGs) and frames. */
  @Test
  void realMasksAreAcceptedAndRealFramesRefused() throws Exception {
    Path datasets = SyntheticData.realDatasets();
    assumeTrue(datasets != null, "../shared/datasets not present");
    for (String set : new String[] {"Kvasir", "CVC-ClinicDB"}) {
      Path dir = datasets.resolve("TestDataset").resolve(set);
      try (var masks = Files.list(dir.resolve("masks"))) {
        for (Path maskFile : masks.sorted().limit(20).toList()) {
          BufferedImage mask = Images.readRgb(maskFile);
          assertThat(Masks.truth(mask, maskFile.toString()))
              .as(maskFile.toString()).isEqualTo(Images.binaryMask(mask));
          Path frameFile = dir.resolve("images").resolve(maskFile.getFileName());
          BufferedImage frame = Images.readRgb(frameFile);
          assertThatThrownBy(() -> Masks.truth(frame, frameFile.getFileName().toString()))
              .as(frameFile.toString())
              .hasMessageStartingWith(frameFile.getFileName() + ": not a ground-truth mask");
        }
      }
    }
  }

  private static BufferedImage filled(int w, int h, Color colour) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return image;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static long count(boolean[] truth) {
    long n = 0;
    for (boolean b : truth) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
