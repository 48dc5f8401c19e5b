package org.polypseg.model;

import java.awt.image.BufferedImage;
import org.polypseg.image.Images;

/** The model's input contract: RGB resized to the input size, channel-first, ImageNet-normalised. */
public final class ImageTensors {

  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private ImageTensors() {}

  /** Resizes {@code image} to size x size and returns it as normalised (3, size, size) floats. */
  public static float[] toInput(BufferedImage image, int size) {
    return normalise(Images.resize(image, size, size));
  }

  /** An image already at the model's size, as normalised (3, h, w) floats. */
  public static float[] normalise(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    int plane = w * h;
    float[] chw = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = rgb[i];
      chw[i] = (((p >> 16) & 0xff) / 255f - MEAN[0]) / STD[0];
      chw[plane + i] = (((p >> 8) & 0xff) / 255f - MEAN[1]) / STD[1];
      chw[2 * plane + i] = ((p & 0xff) / 255f - MEAN[2]) / STD[2];
    }
    return chw;
  }

  /** Normalises in place channel-first RGB values given in [0, 1]. */
  public static void normaliseInPlace(float[] chw, int plane) {
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < plane; i++) {
        chw[c * plane + i] = (chw[c * plane + i] - MEAN[c]) / STD[c];
      }
    }
  }
}
