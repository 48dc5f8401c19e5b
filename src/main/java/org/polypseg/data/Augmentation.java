package org.polypseg.data;

import java.util.Random;

/**
 * Random augmentation drawn once per sample and applied to image and mask alike: horizontal and
 * vertical flips, rotation (a multiple of 90° plus up to ±20°), scaling 0.6–1.25 (below 1 the polyp
 * shrinks: small polyps are where the misses are) with a shift, all as one inverse affine map with
 * bilinear sampling, outside the frame black (as around an endoscope's field of view); then colour
 * jitter on the image only (brightness, contrast, saturation ±20%) and the {@link DomainShift}s that
 * imitate other endoscopes and centres.
 */
public final class Augmentation {

  /** The smallest scale: a polyp at 60 % of its size (a 1 % polyp then covers 0.36 % of the frame). */
  private static final double MIN_SCALE = 0.6;

  private Augmentation() {}

  /**
   * The augmented sample as RGB floats in [0, 1], channel-first, and a 0/1 mask.
   *
   * @return {image (3 x S x S), mask (S x S)}
   */
  public static float[][] apply(PreparedSample sample, Random random) {
    float[][] out = geometry(sample, random);
    jitterColour(out[0], sample.size() * sample.size(), random);
    DomainShift.apply(out[0], out[1], sample.size(), random);
    return out;
  }

  /** The flips, rotation, scale and shift alone, image and mask alike. */
  static float[][] geometry(PreparedSample sample, Random random) {
    int s = sample.size();
    int plane = s * s;
    boolean hflip = random.nextBoolean();
    boolean vflip = random.nextBoolean();
    double theta = random.nextInt(4) * Math.PI / 2 + Math.toRadians(random.nextDouble() * 40 - 20);
    double scale = Math.exp(Math.log(MIN_SCALE) + random.nextDouble() * (Math.log(1.25) - Math.log(MIN_SCALE)));
    double tx = (random.nextDouble() - 0.5) * 0.2 * s;
    double ty = (random.nextDouble() - 0.5) * 0.2 * s;
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double c = (s - 1) / 2.0;

    float[] image = new float[3 * plane];
    float[] mask = new float[plane];
    byte[] rgb = sample.rgb();
    byte[] m = sample.mask();
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        double dx = hflip ? c - x : x - c;
        double dy = vflip ? c - y : y - c;
        double sx = (cos * dx + sin * dy) / scale + c + tx;
        double sy = (-sin * dx + cos * dy) / scale + c + ty;
        int out = y * s + x;
        if (sx < -0.5 || sy < -0.5 || sx > s - 0.5 || sy > s - 0.5) {
          continue; // outside the frame: black, no polyp (the arrays start at 0)
        }
        sx = Math.max(0, Math.min(s - 1, sx));
        sy = Math.max(0, Math.min(s - 1, sy));
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(x0 + 1, s - 1);
        int y1 = Math.min(y0 + 1, s - 1);
        double wx = sx - x0;
        double wy = sy - y0;
        double w00 = (1 - wx) * (1 - wy);
        double w01 = wx * (1 - wy);
        double w10 = (1 - wx) * wy;
        double w11 = wx * wy;
        int i00 = y0 * s + x0;
        int i01 = y0 * s + x1;
        int i10 = y1 * s + x0;
        int i11 = y1 * s + x1;
        for (int ch = 0; ch < 3; ch++) {
          int o = ch * plane;
          image[o + out] =
              (float)
                  ((w00 * (rgb[o + i00] & 0xff)
                          + w01 * (rgb[o + i01] & 0xff)
                          + w10 * (rgb[o + i10] & 0xff)
                          + w11 * (rgb[o + i11] & 0xff))
                      / 255.0);
        }
        double mv = w00 * m[i00] + w01 * m[i01] + w10 * m[i10] + w11 * m[i11];
        mask[out] = mv > 0.5 ? 1f : 0f;
      }
    }
    return new float[][] {image, mask};
  }

  /** The sample without augmentation, RGB in [0, 1] and its mask. */
  public static float[][] plain(PreparedSample sample) {
    int plane = sample.size() * sample.size();
    float[] image = new float[3 * plane];
    float[] mask = new float[plane];
    for (int i = 0; i < image.length; i++) {
      image[i] = (sample.rgb()[i] & 0xff) / 255f;
    }
    for (int i = 0; i < plane; i++) {
      mask[i] = sample.mask()[i];
    }
    return new float[][] {image, mask};
  }

  private static void jitterColour(float[] image, int plane, Random random) {
    float brightness = 1 + (float) (random.nextDouble() * 0.4 - 0.2);
    float contrast = 1 + (float) (random.nextDouble() * 0.4 - 0.2);
    float saturation = 1 + (float) (random.nextDouble() * 0.4 - 0.2);
    double mean = 0;
    for (int i = 0; i < 3 * plane; i++) {
      mean += image[i];
    }
    float greyMean = (float) (mean / (3 * plane)) * brightness;
    for (int i = 0; i < plane; i++) {
      float r = image[i] * brightness;
      float g = image[plane + i] * brightness;
      float b = image[2 * plane + i] * brightness;
      float grey = 0.299f * r + 0.587f * g + 0.114f * b;
      r = grey + (r - grey) * saturation;
      g = grey + (g - grey) * saturation;
      b = grey + (b - grey) * saturation;
      image[i] = clamp(greyMean + (r - greyMean) * contrast);
      image[plane + i] = clamp(greyMean + (g - greyMean) * contrast);
      image[2 * plane + i] = clamp(greyMean + (b - greyMean) * contrast);
    }
  }

  private static float clamp(float v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
