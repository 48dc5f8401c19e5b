package org.polypseg.video;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.polypseg.image.Images;
import org.polypseg.segment.Segmentation;

/**
 * A frame's probability map shrunk to at most {@link #MAX_SIDE} pixels on its longer side, 8 bits
 * a pixel (0 = 0.0, 255 = 1.0), deflated: what the timeline scrubs through and redraws at any
 * threshold. Maps are mostly flat, so a frame costs about a kilobyte whatever the clip's size;
 * ten minutes at 30 frames/s stay near 20 MB.
 *
 * @param width map width, pixels
 * @param height map height, pixels
 * @param deflated the 8-bit map, row-major, zlib-deflated
 */
public record ReducedMap(int width, int height, byte[] deflated) {

  /** Longer side of a reduced map, pixels. */
  public static final int MAX_SIDE = 128;

  /** The map of a segmentation. */
  public static ReducedMap of(Segmentation s) {
    double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(s.width(), s.height()));
    int w = Math.max(1, (int) Math.round(s.width() * scale));
    int h = Math.max(1, (int) Math.round(s.height() * scale));
    float[] small = Images.resizeMap(s.probabilities(), s.width(), s.height(), w, h);
    byte[] grey = new byte[small.length];
    for (int i = 0; i < small.length; i++) {
      grey[i] = (byte) Math.round(Math.max(0f, Math.min(1f, small[i])) * 255f);
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(grey);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return new ReducedMap(w, h, out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  /** The 8-bit map, row-major. */
  public byte[] grey() {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      byte[] grey = new byte[width * height];
      int n = 0;
      while (n < grey.length && !inflater.finished()) {
        n += inflater.inflate(grey, n, grey.length - n);
      }
      return grey;
    } catch (DataFormatException e) {
      throw new IllegalStateException("a reduced map we deflated ourselves is damaged", e);
    } finally {
      inflater.end();
    }
  }

  /** The map as probabilities in [0, 1], row-major. */
  public float[] probabilities() {
    byte[] grey = grey();
    float[] p = new float[grey.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (grey[i] & 0xFF) / 255f;
    }
    return p;
  }

  /** Share of the map's pixels at or above {@code threshold}, 0..1. */
  public double areaFraction(double threshold) {
    byte[] grey = grey();
    int cut = (int) Math.ceil(threshold * 255 - 1e-9);
    int n = 0;
    for (byte b : grey) {
      if ((b & 0xFF) >= cut) {
        n++;
      }
    }
    return (double) n / grey.length;
  }
}
