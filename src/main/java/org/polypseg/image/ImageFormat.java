package org.polypseg.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An image file's format as its first bytes say (its "magic number"), whatever its name. Only the
 * formats with {@link #supported} set are decoded; the others are named in the refusal so that the
 * user knows what they sent.
 */
enum ImageFormat {
  PNG("PNG", "png"),
  JPEG("JPEG", "jpeg"),
  TIFF("TIFF", "tiff"),
  BMP("BMP", "bmp"),
  GIF("GIF images are not supported"),
  WEBP("WebP images are not supported"),
  HEIF("HEIF/AVIF images are not supported"),
  VIDEO("this is a video file, not an image: export single frames as PNG or JPEG"),
  JPEG2000("JPEG 2000 images are not supported"),
  PDF("this is a PDF document, not an image"),
  SVG("this is an SVG drawing, not a pixel image");

  /** How a user would call a supported format; for the others, why it is refused. */
  final String label;
  /** ImageIO format name of the reader; null for formats that are refused. */
  final String readerName;
  final boolean supported;

  ImageFormat(String label, String readerName) {
    this.label = label;
    this.readerName = readerName;
    this.supported = true;
  }

  ImageFormat(String refusal) {
    this.label = refusal;
    this.readerName = null;
    this.supported = false;
  }

  /** The format the bytes start with, if it is one we know. */
  static Optional<ImageFormat> sniff(byte[] b) {
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    // Classic TIFF (42) and BigTIFF (43), either byte order.
    if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)
        || startsWith(b, 0, 'I', 'I', 43, 0) || startsWith(b, 0, 'M', 'M', 0, 43)) {
      return Optional.of(TIFF);
    }
    if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
      return Optional.of(BMP);
    }
    if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
      // ISO media files: the brand says whether it is a still image or a video.
      String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
      return Optional.of(java.util.Set.of("heic", "heix", "heim", "heis", "mif1", "msf1", "avif",
          "avis").contains(brand) ? HEIF : VIDEO);
    }
    if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3) || (startsWith(b, 0, 'R', 'I', 'F', 'F')
        && startsWith(b, 8, 'A', 'V', 'I', ' '))) {
      return Optional.of(VIDEO); // Matroska/WebM, AVI: what endoscopy recorders write
    }
    if (startsWith(b, 0, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ')
        || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
      return Optional.of(JPEG2000);
    }
    if (startsWith(b, 0, '%', 'P', 'D', 'F')) {
      return Optional.of(PDF);
    }
    if (looksLikeSvg(b)) {
      return Optional.of(SVG);
    }
    return Optional.empty();
  }

  private static boolean looksLikeSvg(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(java.util.Locale.ROOT);
    return (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!doctype svg"))
        && head.contains("<svg");
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    byte[] head = Arrays.copyOfRange(bytes, offset, offset + expected.length);
    for (int i = 0; i < expected.length; i++) {
      if ((head[i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
