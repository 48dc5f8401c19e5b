package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import java.awt.image.BufferedImage;
import org.polypseg.image.Images;

/** The model's input contract: RGB resized to the input size, channel-first, normalised. */
public final class ImageTensors {

  /** How RGB values in [0, 1] become network inputs. */
  public enum Normalisation {
    /** (v − mean) / std with ImageNet's statistics: the plain U-Net trained from scratch. */
    IMAGENET_MEAN_STD,
    /**
     * pixel / 127.5 − 1, i.e. 2v − 1 in [−1, 1]: what the pretrained MobileNetV2 was trained on
     * (its TFLite input is uint8 with scale 1/127.5 and zero point 127).
     */
    SIGNED_UNIT;

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** {@link #apply} of every 8-bit value v / 255 of each channel: [channel][v]. */
    private static final float[][][] BYTE_TABLES = new float[values().length][3][256];

    static {
      for (Normalisation n : values()) {
        for (int c = 0; c < 3; c++) {
          for (int v = 0; v < 256; v++) {
            BYTE_TABLES[n.ordinal()][c][v] = n.apply(v / 255f, c);
          }
        }
      }
    }

    float apply(float value01, int channel) {
      return this == SIGNED_UNIT ? value01 * 2f - 1f : (value01 - MEAN[channel]) / STD[channel];
    }
  }

  private ImageTensors() {}

  /** Resizes {@code image} to size x size and returns it as normalised (3, size, size) floats. */
  public static float[] toInput(BufferedImage image, int size, Normalisation normalisation) {
    return normalise(Images.resize(image, size, size), normalisation);
  }

  /** An image already at the model's size, as normalised (3, h, w) floats. */
  public static float[] normalise(BufferedImage image, Normalisation normalisation) {
    int w = image.getWidth();
    int h = image.getHeight();
    // The packed pixels as they are stored, rather than through the colour model pixel by pixel,
    // and each channel's value from a table: this runs on every image and clip frame.
    int[] rgb = image.getType() == BufferedImage.TYPE_INT_RGB
        ? (int[]) image.getRaster().getDataElements(0, 0, w, h, null)
        : image.getRGB(0, 0, w, h, null, 0, w);
    float[][] table = Normalisation.BYTE_TABLES[normalisation.ordinal()];
    float[] red = table[0];
    float[] green = table[1];
    float[] blue = table[2];
    int plane = w * h;
    float[] chw = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = rgb[i];
      chw[i] = red[(p >> 16) & 0xff];
      chw[plane + i] = green[(p >> 8) & 0xff];
      chw[2 * plane + i] = blue[p & 0xff];
    }
    return chw;
  }

  /** Normalises in place channel-first RGB values given in [0, 1]. */
  public static void normaliseInPlace(float[] chw, int plane, Normalisation normalisation) {
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < plane; i++) {
        chw[c * plane + i] = normalisation.apply(chw[c * plane + i], c);
      }
    }
  }

  /**
   * Bilinear resize of a (B, C, h, w) batch to side × side, the up-sampling the networks use: for
   * multi-scale training, where soft mask edges are what PraNet trains on too.
   */
  public static NDArray resizeBatch(NDArray batch, int side) {
    return ConvBlocks.upsample(batch, side, side);
  }
}
