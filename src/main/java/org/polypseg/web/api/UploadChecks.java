package org.polypseg.web.api;

import java.awt.image.BufferedImage;
import org.polypseg.image.ImageLimits;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.segment.Segmentation;
import org.polypseg.web.SegmentationJobs;
import org.springframework.web.multipart.MultipartFile;

/** The checks every API request makes of its fields and files; each failure names the file. */
final class UploadChecks {

  private UploadChecks() {}

  static void threshold(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new BadUploadException("Threshold out of range",
          "threshold must be between 0 and 1, was " + threshold);
    }
  }

  /** The file's name as the client sent it, or "(image)" / "(mask)" when it sent none. */
  static String nameOf(MultipartFile file, String part) {
    String name = file.getOriginalFilename();
    return name == null || name.isBlank() ? "(" + part + ")" : name;
  }

  static BufferedImage read(byte[] bytes, String name, ImageLimits limits) {
    try {
      return Images.readRgb(bytes, name, limits);
    } catch (ImageReadException e) {
      throw new BadUploadException("Unreadable image", e.getMessage());
    }
  }

  /**
   * The segmented image; a 400 with the reason the file could not be segmented, or a 503 with
   * Retry-After when the server had no room for it, or a 429 with Retry-After when the client
   * already had its most images in.
   */
  static SegmentationJobs.Segmented segmented(SegmentationJobs.Outcome outcome) {
    return switch (outcome) {
      case SegmentationJobs.Rejected(String message) ->
          throw new BadUploadException("Unreadable image", message);
      case SegmentationJobs.Busy(String message, java.time.Duration retryAfter) ->
          throw new ServerBusyException(message, retryAfter);
      case SegmentationJobs.OverLimit(String message, java.time.Duration retryAfter) ->
          throw new OverQueueLimitException(message, retryAfter);
      case SegmentationJobs.Segmented segmented -> segmented;
    };
  }

  /** A 413 naming the file when it is over the per-file limit. */
  static void size(MultipartFile file, String name, ImageLimits limits) {
    if (file.getSize() > limits.maxBytes()) {
      throw new UploadTooLargeException(limits.tooLarge(name, file.getSize())
          + "; supported: " + Images.SUPPORTED);
    }
  }

  /**
   * The mask as truth (true = polyp), after checking that it is the size of the image and a mask
   * at all (black and white, not the colour frame).
   */
  static boolean[] truth(BufferedImage mask, String maskName, String imageName, Segmentation s) {
    if (mask.getWidth() != s.width() || mask.getHeight() != s.height()) {
      throw new BadUploadException("Mask does not fit the image", maskName + ": the mask is "
          + mask.getWidth() + "×" + mask.getHeight() + " px but " + imageName + " is "
          + s.width() + "×" + s.height() + " px");
    }
    try {
      return Masks.truth(mask, maskName);
    } catch (Masks.NotAMaskException e) {
      throw new BadUploadException("Not a mask", e.getMessage());
    }
  }
}
