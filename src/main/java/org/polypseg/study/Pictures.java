package org.polypseg.study;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Frames and masks as PNG bytes, the form they are kept and exported in. A frame is re-encoded
 * from its decoded, redacted pixels, so nothing of the uploaded file (metadata, text chunks, EXIF)
 * reaches the database; a mask is an 8-bit grey PNG, 255 polyp and 0 background.
 */
public final class Pictures {

  static {
    ImageIO.setUseCache(false);
  }

  private Pictures() {}

  /** PNG bytes of an image. */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A mask as a 0/255 grey PNG. */
  public static byte[] maskPng(MaskImage mask) {
    BufferedImage image =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    boolean[] pixels = mask.pixels();
    for (int i = 0; i < pixels.length; i++) {
      data[i] = pixels[i] ? (byte) 255 : 0;
    }
    return png(image);
  }

  /** A mask this class wrote. */
  static MaskImage readMask(byte[] png) {
    BufferedImage image = read(png);
    Raster raster = image.getRaster();
    int w = image.getWidth();
    int h = image.getHeight();
    boolean[] pixels = new boolean[w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        pixels[y * w + x] = row[x] > 127;
      }
    }
    return new MaskImage(w, h, pixels);
  }

  /** A picture this class wrote. */
  static BufferedImage read(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalStateException("a stored picture is not a PNG");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
