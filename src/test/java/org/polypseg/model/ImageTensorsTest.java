package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The network's input from an image: each pixel's channels, normalised as the network was trained,
 * channel first, whatever the image's storage (the packed pixels read straight, the others through
 * their colour model).
 */
class ImageTensorsTest {

  @ParameterizedTest
  @CsvSource({"1, IMAGENET_MEAN_STD", "1, SIGNED_UNIT", "5, IMAGENET_MEAN_STD", "5, SIGNED_UNIT"})
  void everyChannelOfEveryPixelIsNormalisedAsTrained(int type,
      ImageTensors.Normalisation normalisation) {
    int w = 37;
    int h = 23;
    BufferedImage image = new BufferedImage(w, h, type); // 1 packed int RGB, 5 three bytes BGR
    Random random = new Random(11);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    float[] chw = ImageTensors.normalise(image, normalisation);

    assertThat(chw).hasSize(3 * w * h);
    int plane = w * h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = image.getRGB(x, y);
        int i = y * w + x;
        for (int c = 0; c < 3; c++) {
          float v = ((p >> (16 - 8 * c)) & 0xff) / 255f;
          float expected = normalisation == ImageTensors.Normalisation.SIGNED_UNIT
              ? v * 2f - 1f
              : (v - new float[] {0.485f, 0.456f, 0.406f}[c]) / new float[] {0.229f, 0.224f, 0.225f}[c];
          assertThat(chw[c * plane + i]).as("channel %d of pixel (%d, %d)", c, x, y)
              .isEqualTo(expected);
        }
      }
    }
  }
}
