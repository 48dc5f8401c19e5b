package org.polypseg.segment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The figures of one image as a row of data ({@link FiguresExport}): what the page and the API
 * show for it at its threshold, or why it could not be segmented. Every field but {@code name} is
 * null on a failed row, and {@code dice}/{@code iou} without a ground-truth mask.
 *
 * @param name the image's file name as uploaded
 * @param width image width, pixels
 * @param height image height, pixels
 * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1
 * @param areaPx polyp pixels at the image's size
 * @param areaPercent polyp share of the image, percent (0..100)
 * @param regions connected polyp regions
 * @param dice Dice against the ground-truth mask, 0..1
 * @param iou IoU against the ground-truth mask, 0..1
 * @param corrected true when the mask was corrected by hand (then the figures are the corrected
 *     mask's)
 * @param error why the image could not be segmented (names the file); null on a segmented row
 */
@JsonPropertyOrder({"name", "width", "height", "threshold", "areaPx", "areaPercent", "regions",
    "dice", "iou", "corrected", "error"})
public record ImageFigures(String name, Integer width, Integer height, Double threshold,
    Long areaPx, Double areaPercent, Integer regions, Double dice, Double iou, Boolean corrected,
    String error) {

  /** The row of a segmented image read at {@code analysis}'s threshold. */
  public static ImageFigures of(String name, int width, int height, ThresholdAnalysis analysis,
      boolean corrected) {
    return new ImageFigures(name, width, height, analysis.threshold(), analysis.areaPx(),
        analysis.areaFraction() * 100, analysis.regions().size(), analysis.dice(), analysis.iou(),
        corrected, null);
  }

  /** The row of an image that could not be segmented; {@code error} names the file. */
  public static ImageFigures failed(String name, String error) {
    return new ImageFigures(name, null, null, null, null, null, null, null, null, null, error);
  }
}
