package org.polypseg.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.polypseg.image.Images;

/**
 * An encoded picture ready to be placed in a document.
 *
 * @param bytes the encoded image
 * @param png true for PNG, false for JPEG
 * @param widthPx width, pixels
 * @param heightPx height, pixels
 */
record Picture(byte[] bytes, boolean png, int widthPx, int heightPx) {

  /** Longest side of a photo placed in a report: enough for about 300 dpi at 8.5 cm. */
  static final int MAX_PHOTO_SIDE = 1000;

  /** Height for a given width that keeps the aspect ratio, in the width's unit. */
  double heightFor(double width) {
    return width * heightPx / widthPx;
  }

  /**
   * A photo as JPEG, shrunk to at most {@link #MAX_PHOTO_SIDE} pixels on its longer side. JPEG
   * keeps a colonoscopy frame a tenth of its PNG size, and the PDF embeds it without re-encoding.
   */
  static Picture photo(BufferedImage image) {
    BufferedImage rgb = Images.toRgb(image);
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    double scale = Math.min(1.0, (double) MAX_PHOTO_SIDE / Math.max(w, h));
    if (scale < 1) {
      w = Math.max(1, (int) Math.round(w * scale));
      h = Math.max(1, (int) Math.round(h * scale));
      rgb = Images.resize(rgb, w, h);
    }
    return new Picture(jpeg(rgb, 0.9f), false, w, h);
  }

  /** A chart or drawing as PNG. */
  static Picture png(byte[] bytes, int widthPx, int heightPx) {
    return new Picture(bytes, true, widthPx, heightPx);
  }

  private static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
