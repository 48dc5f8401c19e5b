package org.polypseg.report;

import java.awt.image.BufferedImage;
import org.polypseg.image.Redaction;
import org.polypseg.segment.MaskEdits;
import org.polypseg.segment.Segmentation;

/**
 * One analysed image of a report.
 *
 * @param name the image's file name as the user knows it (shown in the report)
 * @param image the original image, at the segmentation's size
 * @param segmentation the model's probabilities for the image
 * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1
 * @param truth ground-truth mask (true = polyp) at the image's size, or null when none was given;
 *     with one the report shows Dice and IoU and outlines the truth on the overlay
 * @param redaction boxes blanked black in the report's pictures of the image (burned-in text);
 *     the figures are the segmentation's, made from the whole image
 * @param edits the user's hand corrections of the mask at {@code threshold}, or null when the
 *     mask is as predicted; the figures and the overlay are then the corrected mask's, and the
 *     report says it was corrected by hand
 */
public record ReportItem(String name, BufferedImage image, Segmentation segmentation,
    double threshold, boolean[] truth, Redaction redaction, MaskEdits edits) {

  /** An item whose mask is as predicted. */
  public ReportItem(String name, BufferedImage image, Segmentation segmentation, double threshold,
      boolean[] truth, Redaction redaction) {
    this(name, image, segmentation, threshold, truth, redaction, null);
  }

  /** An item with nothing redacted. */
  public ReportItem(String name, BufferedImage image, Segmentation segmentation, double threshold,
      boolean[] truth) {
    this(name, image, segmentation, threshold, truth, Redaction.NONE);
  }

  /** @throws IllegalArgumentException when the parts differ in size or the threshold is not 0..1 */
  public ReportItem {
    if (redaction == null) {
      redaction = Redaction.NONE;
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a report item needs the image's name");
    }
    if (image.getWidth() != segmentation.width() || image.getHeight() != segmentation.height()) {
      throw new IllegalArgumentException(name + ": the image (" + image.getWidth() + "x"
          + image.getHeight() + ") and its segmentation (" + segmentation.width() + "x"
          + segmentation.height() + ") differ in size");
    }
    if (truth != null && truth.length != segmentation.width() * segmentation.height()) {
      throw new IllegalArgumentException(name + ": the mask's size differs from the image's");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          name + ": threshold " + threshold + " is outside 0..1");
    }
    redaction.checkedFor(image.getWidth(), image.getHeight());
    if (edits != null
        && (edits.width() != image.getWidth() || edits.height() != image.getHeight())) {
      throw new IllegalArgumentException(name + ": the mask's corrections differ in size");
    }
  }

  /** True when the mask was corrected by hand. */
  public boolean corrected() {
    return edits != null;
  }
}
