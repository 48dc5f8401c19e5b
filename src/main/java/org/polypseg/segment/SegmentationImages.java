package org.polypseg.segment;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.polypseg.image.Images;

/**
 * The pictures of a segmentation: the binary mask, the overlay (mask tinted on the image with its
 * contour, and the ground truth's outline) and the probability heat map, plus PNG encoding.
 *
 * <p>The page's threshold component ({@code src/main/frontend/threshold-overlay.ts}) draws the
 * overlay in the browser by the same rule, so that a downloaded overlay looks like the one on
 * screen: a pixel is polyp when its probability is &gt;= the threshold; the contour is every polyp
 * pixel with a non-polyp pixel (or the image border) within {@link #lineWidth} pixels straight
 * left, right, up or down.
 */
public final class SegmentationImages {

  /** Polyp tint, RGB, blended at {@link #TINT_ALPHA}. */
  public static final int TINT = 0x00D68F;

  /** Opacity of the polyp tint. */
  public static final double TINT_ALPHA = 0.42;

  /** Colour of the predicted contour. */
  public static final int CONTOUR = 0x3CFFB4;

  /** Colour of the ground truth's outline. */
  public static final int TRUTH = 0xFFD400;

  // Inferno colour map, 9 stops from 0 to 1.
  private static final int[] HEAT_STOPS = {
    0x000004, 0x1F0C48, 0x550F6D, 0x88226A, 0xBA3655, 0xE35933, 0xF98C0A, 0xF9C932, 0xFCFFA4
  };

  private SegmentationImages() {}

  /** Contour and outline width for an image: 1 px up to 383 px on the short side, then wider. */
  public static int lineWidth(int width, int height) {
    return Math.max(1, Math.round(Math.min(width, height) / 256f));
  }

  /** Pixels with probability &gt;= threshold. */
  public static boolean[] mask(Segmentation s, double threshold) {
    float[] p = s.probabilities();
    boolean[] mask = new boolean[p.length];
    for (int i = 0; i < p.length; i++) {
      mask[i] = p[i] >= threshold;
    }
    return mask;
  }

  /** The mask as an 8-bit grey image: 255 polyp, 0 background (the datasets' mask format). */
  public static BufferedImage maskImage(Segmentation s, double threshold) {
    BufferedImage image = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    boolean[] mask = mask(s, threshold);
    for (int i = 0; i < mask.length; i++) {
      data[i] = (byte) (mask[i] ? 255 : 0);
    }
    return image;
  }

  /** The probabilities as an 8-bit grey image (0 = 0.0, 255 = 1.0): what the page thresholds. */
  public static BufferedImage probabilityImage(Segmentation s) {
    return Images.greyImage(s.probabilities(), s.width(), s.height());
  }

  /**
   * The overlay: the image with the polyp tinted and outlined, and the truth's outline on top.
   *
   * @param image the original image, same size as the segmentation
   * @param truth ground-truth mask at the image's size, or null
   */
  public static BufferedImage overlay(
      BufferedImage image, Segmentation s, double threshold, boolean[] truth) {
    int w = s.width();
    int h = s.height();
    if (image.getWidth() != w || image.getHeight() != h) {
      throw new IllegalArgumentException("image and segmentation differ in size");
    }
    int line = lineWidth(w, h);
    boolean[] mask = mask(s, threshold);
    boolean[] contour = edges(mask, w, h, line);
    boolean[] truthEdge = truth == null ? null : edges(truth, w, h, line);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] src = Images.toRgb(image).getRGB(0, 0, w, h, null, 0, w);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < dst.length; i++) {
      int rgb = src[i] & 0xFFFFFF;
      if (truthEdge != null && truthEdge[i]) {
        rgb = TRUTH;
      } else if (contour[i]) {
        rgb = CONTOUR;
      } else if (mask[i]) {
        rgb = blend(rgb, TINT, TINT_ALPHA);
      }
      dst[i] = rgb;
    }
    return out;
  }

  /** The probabilities in the inferno colour map (black = 0, pale yellow = 1). */
  public static BufferedImage heatMap(Segmentation s) {
    BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int[] lut = new int[256];
    for (int v = 0; v < 256; v++) {
      lut[v] = heatColour(v / 255.0);
    }
    float[] p = s.probabilities();
    for (int i = 0; i < p.length; i++) {
      dst[i] = lut[Math.round(Math.max(0f, Math.min(1f, p[i])) * 255f)];
    }
    return out;
  }

  /** The heat map's colour for a probability in [0, 1], RGB. */
  public static int heatColour(double p) {
    double x = Math.max(0, Math.min(1, p)) * (HEAT_STOPS.length - 1);
    int i = Math.min((int) x, HEAT_STOPS.length - 2);
    return blend(HEAT_STOPS[i], HEAT_STOPS[i + 1], x - i);
  }

  /**
   * The border pixels of a binary region: set pixels with an unset pixel (or the image's edge)
   * within {@code line} pixels straight left, right, up or down.
   */
  public static boolean[] edges(boolean[] region, int w, int h, int line) {
    boolean[] edge = new boolean[region.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (!region[i]) {
          continue;
        }
        boolean border = false;
        for (int d = 1; d <= line && !border; d++) {
          border = x - d < 0 || x + d >= w || y - d < 0 || y + d >= h
              || !region[i - d] || !region[i + d] || !region[i - d * w] || !region[i + d * w];
        }
        edge[i] = border;
      }
    }
    return edge;
  }

  /** A smaller copy of an image whose longer side is at most {@code maxSide} pixels. */
  public static BufferedImage thumbnail(BufferedImage image, int maxSide) {
    double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    return Images.resize(image, w, h);
  }

  /**
   * PNG bytes of an image, with no metadata: only the IHDR, IDAT and IEND chunks, whatever the
   * uploaded file carried (names, dates, EXIF). Uses a light deflate level: these PNGs go to a browser on the same
   * network and are re-made on every request, so speed beats the last few percent of size.
   */
  public static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
    // In memory, never ImageIO's temporary file: exported pictures are patient data.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static int blend(int a, int b, double t) {
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
    int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
    return (r << 16) | (g << 8) | bl;
  }
}
