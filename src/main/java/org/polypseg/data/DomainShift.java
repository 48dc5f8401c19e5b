package org.polypseg.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Training augmentations that imitate frames from other endoscopes, processors and centres than
 * the two training datasets: each drawn independently per sample with its own probability, on an
 * image already flipped, rotated and scaled ({@link Augmentation}). Channel-first RGB in [0, 1];
 * the mask changes only where an overlay covers it (nothing under an on-screen box is a polyp).
 *
 * <ul>
 *   <li>light: gamma (darker or brighter video), haze (a milky veil, lower contrast);
 *   <li>colour: white balance of another processor, or a narrow-band-like tint (red suppressed,
 *       green and blue kept: NBI's cyan-brown look);
 *   <li>optics and video: Gaussian blur, sensor noise, a lower resolution scaled back up, JPEG
 *       compression at a low quality;
 *   <li>on-screen overlays: a box in a corner (the scope-position guide, a menu) with text in it,
 *       drawn over the image, marked as no polyp in the mask.
 * </ul>
 */
public final class DomainShift {

  private static final float P_GAMMA = 0.3f;
  private static final float P_HAZE = 0.15f;
  private static final float P_NARROW_BAND = 0.15f;
  private static final float P_WHITE_BALANCE = 0.4f;
  private static final float P_BLUR = 0.2f;
  private static final float P_NOISE = 0.2f;
  private static final float P_LOW_RESOLUTION = 0.15f;
  private static final float P_JPEG = 0.2f;
  private static final float P_OVERLAY = 0.2f;

  private DomainShift() {}

  /** Applies the drawn shifts to {@code image} (3 × side × side) and {@code mask} in place. */
  public static void apply(float[] image, float[] mask, int side, Random random) {
    int plane = side * side;
    if (random.nextFloat() < P_GAMMA) {
      gamma(image, (float) Math.exp((random.nextDouble() * 2 - 1) * Math.log(1.6)));
    }
    if (random.nextFloat() < P_HAZE) {
      haze(image, 0.05f + 0.2f * random.nextFloat());
    }
    if (random.nextFloat() < P_NARROW_BAND) {
      gains(image, plane, 0.35f + 0.35f * random.nextFloat(), 0.9f + 0.25f * random.nextFloat(),
          1.0f + 0.3f * random.nextFloat());
    } else if (random.nextFloat() < P_WHITE_BALANCE) {
      gains(image, plane, 0.9f + 0.2f * random.nextFloat(), 0.9f + 0.2f * random.nextFloat(),
          0.9f + 0.2f * random.nextFloat());
    }
    if (random.nextFloat() < P_LOW_RESOLUTION) {
      lowResolution(image, side, 0.35 + 0.35 * random.nextDouble());
    }
    if (random.nextFloat() < P_BLUR) {
      blur(image, side, 0.6 + 1.4 * random.nextDouble());
    }
    if (random.nextFloat() < P_NOISE) {
      noise(image, 0.01f + 0.03f * random.nextFloat(), random);
    }
    if (random.nextFloat() < P_OVERLAY) {
      overlay(image, mask, side, random);
    }
    if (random.nextFloat() < P_JPEG) {
      jpeg(image, side, 0.3f + 0.5f * random.nextFloat());
    }
  }

  static void gamma(float[] image, float gamma) {
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) Math.pow(image[i], gamma);
    }
  }

  static void haze(float[] image, float amount) {
    for (int i = 0; i < image.length; i++) {
      image[i] = image[i] * (1 - amount) + 0.7f * amount;
    }
  }

  static void gains(float[] image, int plane, float red, float green, float blue) {
    float[] gain = {red, green, blue};
    for (int c = 0; c < 3; c++) {
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        image[i] = Math.min(1f, image[i] * gain[c]);
      }
    }
  }

  static void noise(float[] image, float sigma, Random random) {
    for (int i = 0; i < image.length; i++) {
      image[i] = clamp(image[i] + (float) random.nextGaussian() * sigma);
    }
  }

  /** Separable Gaussian blur of each channel, edges clamped. */
  static void blur(float[] image, int side, double sigma) {
    int radius = (int) Math.ceil(2 * sigma);
    float[] kernel = new float[2 * radius + 1];
    float sum = 0;
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
      sum += kernel[k + radius];
    }
    for (int k = 0; k < kernel.length; k++) {
      kernel[k] /= sum;
    }
    int plane = side * side;
    float[] row = new float[plane];
    for (int c = 0; c < 3; c++) {
      int o = c * plane;
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          float v = 0;
          for (int k = -radius; k <= radius; k++) {
            v += kernel[k + radius] * image[o + y * side + Math.clamp(x + k, 0, side - 1)];
          }
          row[y * side + x] = v;
        }
      }
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          float v = 0;
          for (int k = -radius; k <= radius; k++) {
            v += kernel[k + radius] * row[Math.clamp(y + k, 0, side - 1) * side + x];
          }
          image[o + y * side + x] = v;
        }
      }
    }
  }

  /** Down to {@code factor} of the side (box average) and back up (bilinear): a coarser sensor. */
  static void lowResolution(float[] image, int side, double factor) {
    BufferedImage rgb = toImage(image, side);
    int small = Math.max(8, (int) Math.round(side * factor));
    fromImage(scale(scale(rgb, small), side), image, side);
  }

  static void jpeg(float[] image, int side, float quality) {
    BufferedImage rgb = toImage(image, side);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(rgb, null, null), param);
      out.flush();
      fromImage(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())), image, side);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG round trip in memory failed", e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * A processor's on-screen box in one corner: dark or outlined, with a line or two of text, as
   * the scope-position guide and menus look; the mask is 0 under it.
   */
  static void overlay(float[] image, float[] mask, int side, Random random) {
    BufferedImage rgb = toImage(image, side);
    int w = (int) (side * (0.15 + 0.2 * random.nextDouble()));
    int h = (int) (side * (0.08 + 0.17 * random.nextDouble()));
    int x = random.nextBoolean() ? 0 : side - w;
    int y = random.nextBoolean() ? 0 : side - h;
    Graphics2D g = rgb.createGraphics();
    g.setClip(x, y, w, h);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    Color ink = switch (random.nextInt(3)) {
      case 0 -> new Color(40, 200, 60);
      case 1 -> new Color(235, 235, 235);
      default -> new Color(90, 170, 230);
    };
    if (random.nextBoolean()) {
      g.setColor(new Color(random.nextInt(40), random.nextInt(40), random.nextInt(40)));
      g.fillRect(x, y, w, h);
    } else {
      g.setColor(ink);
      g.setStroke(new BasicStroke(1 + random.nextInt(3)));
      g.drawRect(x + 1, y + 1, w - 3, h - 3);
    }
    g.setColor(ink);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, h / 3)));
    g.drawString(random.nextBoolean() ? "ScopeGuide" : String.format("%02d:%02d", random.nextInt(60),
        random.nextInt(60)), x + 3, y + h / 2 + 2);
    g.dispose();
    // Only the box is copied back: elsewhere the image keeps its exact (unquantised) values.
    int plane = side * side;
    for (int yy = y; yy < y + h; yy++) {
      for (int xx = x; xx < x + w; xx++) {
        int i = yy * side + xx;
        int p = rgb.getRGB(xx, yy);
        image[i] = ((p >> 16) & 0xff) / 255f;
        image[plane + i] = ((p >> 8) & 0xff) / 255f;
        image[2 * plane + i] = (p & 0xff) / 255f;
        mask[i] = 0f;
      }
    }
  }

  private static BufferedImage scale(BufferedImage image, int side) {
    BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, side, side, null);
    g.dispose();
    return out;
  }

  static BufferedImage toImage(float[] image, int side) {
    int plane = side * side;
    int[] pixels = new int[plane];
    for (int i = 0; i < plane; i++) {
      int r = Math.round(clamp(image[i]) * 255);
      int g = Math.round(clamp(image[plane + i]) * 255);
      int b = Math.round(clamp(image[2 * plane + i]) * 255);
      pixels[i] = (r << 16) | (g << 8) | b;
    }
    BufferedImage rgb = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, side, side, pixels, 0, side);
    return rgb;
  }

  static void fromImage(BufferedImage rgb, float[] image, int side) {
    int plane = side * side;
    int[] pixels = rgb.getRGB(0, 0, side, side, null, 0, side);
    for (int i = 0; i < plane; i++) {
      image[i] = ((pixels[i] >> 16) & 0xff) / 255f;
      image[plane + i] = ((pixels[i] >> 8) & 0xff) / 255f;
      image[2 * plane + i] = (pixels[i] & 0xff) / 255f;
    }
  }

  private static float clamp(float v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
