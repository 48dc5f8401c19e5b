package org.polypseg.segment;

/**
 * One connected polyp region (8-connectivity) at a threshold.
 *
 * @param areaPx pixels in the region, at the image's original size
 * @param x left edge of the bounding box, pixels
 * @param y top edge of the bounding box, pixels
 * @param width bounding-box width, pixels
 * @param height bounding-box height, pixels
 * @param meanProbability mean model probability over the region's pixels, 0..1
 */
public record Region(int areaPx, int x, int y, int width, int height, double meanProbability) {}
