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
 * The pictures of a segmentation: the binary mask (corrected by hand or not), the overlay (drawn
 * by {@link OverlayRenderer}), the probability heat map, plus PNG encoding.
 *
 * <p>The page's threshold component ({@code src/main/frontend/threshold-overlay.ts}) draws the
 * overlay in the browser by the same rule and colours, so that a downloaded overlay looks like the
 * one on screen.
 */
public final class SegmentationImages {

  /** Polyp tint (the overlay's colours are {@link OverlayRenderer}'s). */
  public static final int TINT = OverlayRenderer.TINT;

  /** Colour of the predicted contour. */
  public static final int CONTOUR = OverlayRenderer.CONTOUR;

  /** Colour of the ground truth's dashed outline. */
  public static final int TRUTH = OverlayRenderer.TRUTH;

  // Inferno colour map, 9 stops from 0 to 1.
  private static final int[] HEAT_STOPS = {
    0x000004, 0x1F0C48, 0x550F6D, 0x88226A, 0xBA3655, 0xE35933, 0xF98C0A, 0xF9C932, 0xFCFFA4
  };

  private SegmentationImages() {}

  /** Contour and outline width for an image: 1 px up to 383 px on the short side, then wider. */
  public static int lineWidth(int width, int height) {
    return OverlayRenderer.lineWidth(width, height);
  }

  /** Pixels with probability &gt;= threshold. */
  public static boolean[] mask(Segmentation s, double threshold) {
    return mask(s.probabilities(), threshold);
  }

  /** Pixels with probability &gt;= threshold. */
  public static boolean[] mask(float[] probabilities, double threshold) {
    boolean[] mask = new boolean[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      mask[i] = probabilities[i] >= threshold;
    }
    return mask;
  }

  /** Pixels with probability &gt;= threshold, corrected by {@code edits} (null: none). */
  public static boolean[] mask(Segmentation s, double threshold, MaskEdits edits) {
    boolean[] mask = mask(s, threshold);
    return edits == null ? mask : edits.apply(mask);
  }

  /** The mask as an 8-bit grey image: 255 polyp, 0 background (the datasets' mask format). */
  public static BufferedImage maskImage(Segmentation s, double threshold) {
    return maskImage(s, threshold, null);
  }

  /** The mask, corrected by {@code edits} (null: none), as an 8-bit grey image: 255 polyp. */
  public static BufferedImage maskImage(Segmentation s, double threshold, MaskEdits edits) {
    BufferedImage image = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    boolean[] mask = mask(s, threshold, edits);
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
    return OverlayRenderer.render(image, s, threshold, null, truth);
  }

  /**
   * The overlay of the mask corrected by {@code edits} (null: none), as {@link OverlayRenderer}
   * draws it.
   */
  public static BufferedImage overlay(
      BufferedImage image, Segmentation s, double threshold, MaskEdits edits, boolean[] truth) {
    return OverlayRenderer.render(image, s, threshold, edits, truth);
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
    return OverlayRenderer.blend(HEAT_STOPS[i], HEAT_STOPS[i + 1], x - i);
  }

  /** The border pixels of a binary region, as {@link OverlayRenderer#edges} finds them. */
  public static boolean[] edges(boolean[] region, int w, int h, int line) {
    return OverlayRenderer.edges(region, w, h, line);
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
}
