package org.polypseg.image;

/**
 * How large an uploaded image may be, checked before its pixels are decoded.
 *
 * @param maxBytes largest file, bytes
 * @param maxPixels largest width x height, pixels (read from the file's header)
 */
public record ImageLimits(long maxBytes, long maxPixels) {

  /** 20 MB and 40 megapixels: a colonoscopy frame is well under 1 MB and 2 megapixels. */
  public static final ImageLimits DEFAULT = new ImageLimits(20L * 1024 * 1024, 40_000_000L);

  public ImageLimits {
    if (maxBytes < 1 || maxPixels < 1) {
      throw new IllegalArgumentException("image limits must be positive");
    }
  }

  /**
   * Largest decoded raster, bytes: the pixel limit at 16-bit RGBA. Bounds what a file with many
   * or wide samples per pixel can make the decoder allocate.
   */
  public long maxDecodedBytes() {
    return maxPixels * 8;
  }
}
