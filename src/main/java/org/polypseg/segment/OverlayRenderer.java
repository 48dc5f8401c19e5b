package org.polypseg.segment;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.polypseg.image.Images;

/**
 * Draws a segmentation on its image: polyp pixels (probability &gt;= threshold) tinted, the
 * predicted region's contour, and the ground truth's outline when one is given.
 *
 * <p>Shared by the reports and the web page so that a report shows the same overlay as the screen.
 * The contour is every polyp pixel with a non-polyp pixel (or the image border) within
 * {@link #lineWidth} pixels straight left, right, up or down; the colours are public so a legend
 * can name them.
 */
public final class OverlayRenderer {

  // Okabe-Ito colours, told apart by red-green colour-blind eyes, and each layer has a second cue:
  // the fill is blue under a solid white contour; the truth's outline is dashed yellow and black.
  // The page's threshold-overlay.ts draws with the same colours and rule.

  /** Polyp tint, RGB, blended onto the image at {@link #TINT_ALPHA}: blue. */
  public static final int TINT = 0x0072B2;

  /** Opacity of the polyp tint, 0..1. */
  public static final double TINT_ALPHA = 0.45;

  /** Colour of the predicted contour, RGB: white. */
  public static final int CONTOUR = 0xFFFFFF;

  /** Colour of the ground truth's outline, dashed with {@link #TRUTH_GAP}, RGB: yellow. */
  public static final int TRUTH = 0xF0E442;

  /** The gaps of the truth's dashed outline, RGB: black. */
  public static final int TRUTH_GAP = 0x000000;

  private OverlayRenderer() {}

  /** Contour width for an image, pixels: 1 up to 383 px on the short side, then wider. */
  public static int lineWidth(int width, int height) {
    return Math.max(1, Math.round(Math.min(width, height) / 256f));
  }

  /**
   * The overlay at the image's own size.
   *
   * @param image the original image, the segmentation's size
   * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1
   * @param truth ground-truth mask (true = polyp) at the image's size, or null
   * @throws IllegalArgumentException when the image, segmentation or truth differ in size
   */
  public static BufferedImage render(
      BufferedImage image, Segmentation segmentation, double threshold, boolean[] truth) {
    return render(image, segmentation, threshold, null, truth);
  }

  /**
   * The overlay of the mask corrected by hand ({@code edits}; null: as predicted) at the image's
   * own size.
   *
   * @throws IllegalArgumentException when the image, segmentation, corrections or truth differ in
   *     size
   */
  public static BufferedImage render(BufferedImage image, Segmentation segmentation,
      double threshold, MaskEdits edits, boolean[] truth) {
    int w = segmentation.width();
    int h = segmentation.height();
    if (image.getWidth() != w || image.getHeight() != h) {
      throw new IllegalArgumentException("the image (" + image.getWidth() + "x" + image.getHeight()
          + ") and its segmentation (" + w + "x" + h + ") differ in size");
    }
    if (truth != null && truth.length != w * h) {
      throw new IllegalArgumentException("the truth mask's size differs from the image's");
    }
    boolean[] mask = SegmentationImages.mask(segmentation, threshold, edits);
    int line = lineWidth(w, h);
    boolean[] contour = edges(mask, w, h, line);
    boolean[] truthEdge = truth == null ? null : edges(truth, w, h, line);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] src = pixels(image);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < dst.length; i++) {
      int rgb = src[i] & 0xFFFFFF;
      if (truthEdge != null && truthEdge[i]) {
        rgb = dash(i % w, i / w, line) ? TRUTH : TRUTH_GAP;
      } else if (contour[i]) {
        rgb = CONTOUR;
      } else if (mask[i]) {
        rgb = blend(rgb, TINT, TINT_ALPHA);
      }
      dst[i] = rgb;
    }
    return out;
  }

  /**
   * The image's RGB pixels, row-major: read straight from an int RGB image's buffer (a video
   * frame, every frame), else converted (getRGB goes through the colour model pixel by pixel).
   */
  private static int[] pixels(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB
        && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
        && image.getRaster().getParent() == null
        && buffer.getData().length == image.getWidth() * image.getHeight()) {
      return buffer.getData();
    }
    int w = image.getWidth();
    return Images.toRgb(image).getRGB(0, 0, w, image.getHeight(), null, 0, w);
  }

  /** Dashes along an outline: on and off every 4 line widths. */
  static boolean dash(int x, int y, int line) {
    return ((x + y) / (4 * line)) % 2 == 0;
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

  /** {@code a} blended towards {@code b} by {@code t} in 0..1, per RGB channel. */
  static int blend(int a, int b, double t) {
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
    int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
    return (r << 16) | (g << 8) | bl;
  }
}
