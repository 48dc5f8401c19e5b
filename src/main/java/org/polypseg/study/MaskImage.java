package org.polypseg.study;

import java.util.Arrays;

/**
 * A binary mask at a frame's size.
 *
 * @param width pixels
 * @param height pixels
 * @param pixels row-major, true = polyp, width × height of them
 */
public record MaskImage(int width, int height, boolean[] pixels) {

  public MaskImage {
    if (width < 1 || height < 1 || pixels == null || pixels.length != (long) width * height) {
      throw new IllegalArgumentException("a mask of " + width + "×" + height + " px needs "
          + (long) width * height + " pixels, not " + (pixels == null ? 0 : pixels.length));
    }
  }

  /** An empty mask (no polyp). */
  public static MaskImage blank(int width, int height) {
    return new MaskImage(width, height, new boolean[width * height]);
  }

  /** Whether any pixel is polyp. */
  public boolean any() {
    for (boolean p : pixels) {
      if (p) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskImage m && m.width == width && m.height == height
        && Arrays.equals(m.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "MaskImage[" + width + "×" + height + "]";
  }
}
