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

  /** Why a file of {@code size} bytes is refused, naming it: for the decoder and the API's 413. */
  public String tooLarge(String name, long size) {
    return String.format(java.util.Locale.ROOT,
        "%s: the file is %.1f MB, larger than the limit of %.1f MB", name, size / 1048576.0,
        maxBytes / 1048576.0);
  }

  /**
   * Largest decoded raster, bytes: the pixel limit at 16-bit RGBA. Bounds what a file with many
   * or wide samples per pixel can make the decoder allocate.
   */
  public long maxDecodedBytes() {
    return maxPixels * 8;
  }
}
