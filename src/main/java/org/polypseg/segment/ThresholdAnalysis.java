package org.polypseg.segment;

import java.util.List;

/**
 * A segmentation read at one threshold (pixel is polyp when probability &gt;= threshold).
 *
 * @param threshold the threshold, 0..1
 * @param areaPx polyp pixels at the original size
 * @param areaFraction areaPx / (width x height), 0..1
 * @param regions connected regions, largest first
 * @param dice Dice against the ground truth, or null when none was given
 * @param iou IoU against the ground truth, or null when none was given
 */
public record ThresholdAnalysis(
    double threshold,
    long areaPx,
    double areaFraction,
    List<Region> regions,
    Double dice,
    Double iou) {}
