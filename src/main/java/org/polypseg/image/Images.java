package org.polypseg.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reading images with clear errors, and the resizing every part of the program shares. */
public final class Images {

  private static final Pattern TRUNCATION =
      Pattern.compile("(?i)truncat|premature end|missing eoi|unexpected end");

  /** Formats this program reads (the JDK's plus TwelveMonkeys' JPEG and TIFF readers). */
  public static final String SUPPORTED = "PNG, JPEG, TIFF, BMP";

  static {
    // In a Spring Boot fat jar the plugins sit in nested jars: make ImageIO look for them.
    ImageIO.scanForPlugins();
  }

  private Images() {}

  /** Reads an image file as RGB, or says which file and why it cannot be read. */
  public static BufferedImage readRgb(Path file) throws ImageReadException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageReadException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return readRgb(bytes, file.toString());
  }

  /**
   * Decodes image bytes as RGB; {@code name} is used in the message when that fails. A file that
   * ends early is refused even where the decoder would fill the missing part with grey.
   */
  public static BufferedImage readRgb(byte[] bytes, String name) throws ImageReadException {
    if (bytes.length == 0) {
      throw new ImageReadException(name + ": the file is empty (0 bytes)");
    }
    BufferedImage image;
    List<String> damage = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageReadException(
            name + ": not a recognised image format; supported: " + SUPPORTED);
      }
      ImageReader reader = readers.next();
      try {
        // JPEG decoders warn, rather than fail, on a file cut short.
        reader.addIIOReadWarningListener((source, warning) -> {
          if (TRUNCATION.matcher(warning).find()) {
            damage.add(warning);
          }
        });
        reader.setInput(in, true, true);
        image = reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageReadException(
          name + ": not a readable image (" + e.getMessage() + "); supported: " + SUPPORTED, e);
    }
    if (image == null) {
      throw new ImageReadException(
          name + ": not a recognised image format; supported: " + SUPPORTED);
    }
    if (!damage.isEmpty()) {
      throw new ImageReadException(
          name + ": the image is truncated or damaged (" + damage.getFirst() + ")");
    }
    return toRgb(image);
  }

  /** A copy of {@code image} as TYPE_INT_RGB (alpha dropped, grey and palette expanded). */
  public static BufferedImage toRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }

  /**
   * Resizes with bilinear interpolation; when shrinking by more than half it halves step by step
   * first, so that downscaled frames are smoothed rather than aliased.
   */
  public static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage current = toRgb(image);
    int w = current.getWidth();
    int h = current.getHeight();
    while (w / 2 >= width && h / 2 >= height) {
      w /= 2;
      h /= 2;
      current = draw(current, w, h);
    }
    if (w == width && h == height) {
      return current;
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    return target;
  }

  /**
   * Bilinear resize of a single-channel float map (row-major), pixel centres aligned the way
   * PyTorch's {@code align_corners=false} and MATLAB's imresize do it.
   */
  public static float[] resizeMap(float[] map, int width, int height, int newWidth, int newHeight) {
    if (width == newWidth && height == newHeight) {
      return map.clone();
    }
    float[] out = new float[newWidth * newHeight];
    double sx = (double) width / newWidth;
    double sy = (double) height / newHeight;
    for (int y = 0; y < newHeight; y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = Math.min((int) fy, height - 1);
      int y1 = Math.min(y0 + 1, height - 1);
      double wy = fy - y0;
      for (int x = 0; x < newWidth; x++) {
        double fx = Math.max(0, (x + 0.5) * sx - 0.5);
        int x0 = Math.min((int) fx, width - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        double wx = fx - x0;
        double top = map[y0 * width + x0] * (1 - wx) + map[y0 * width + x1] * wx;
        double bottom = map[y1 * width + x0] * (1 - wx) + map[y1 * width + x1] * wx;
        out[y * newWidth + x] = (float) (top * (1 - wy) + bottom * wy);
      }
    }
    return out;
  }

  /** Grey level 0..255 of every pixel (the mean of R, G and B), row-major. */
  public static int[] grey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    int[] grey = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      grey[i] = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;
    }
    return grey;
  }

  /** A binary mask by the datasets' rule: the polyp is grey level &gt; 128. */
  public static boolean[] binaryMask(BufferedImage mask) {
    int[] grey = grey(mask);
    boolean[] truth = new boolean[grey.length];
    for (int i = 0; i < grey.length; i++) {
      truth[i] = grey[i] > 128;
    }
    return truth;
  }

  /** An 8-bit grey image of a [0, 1] map, for PNG output. */
  public static BufferedImage greyImage(float[] map, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < map.length; i++) {
      data[i] = (byte) Math.round(Math.max(0f, Math.min(1f, map[i])) * 255f);
    }
    return image;
  }
}
