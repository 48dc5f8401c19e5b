package org.polypseg.archive;

import java.util.List;
import org.polypseg.segment.Region;

/**
 * One row of the {@code frames} table: what the model found in a frame, the numbers the API and
 * the page give for it (read by {@link org.polypseg.segment.SegmentationService#analyze}).
 *
 * @param source the frame's file or its clip's file
 * @param frameIndex the frame's position in its clip, from 0; null for a single frame
 * @param timeSeconds its time from the clip's start, seconds; null for a single frame
 * @param width pixels
 * @param height pixels
 * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1
 * @param areaPx polyp pixels
 * @param areaFraction polyp pixels / all pixels, 0..1
 * @param regions connected polyp regions (8-connectivity), largest first
 * @param maxProbability highest polyp probability in the frame, 0..1
 * @param meanProbability mean polyp probability over the frame, 0..1
 * @param dice Dice against the ground-truth mask, 0..1; null without one
 * @param iou IoU against the ground-truth mask, 0..1; null without one
 * @param modelName the model's name
 * @param modelSha256 the model weights' SHA-256, hex
 * @param maskPng the predicted mask as PNG (255 = polyp), or null when not asked for
 */
public record FrameRecord(String source, Integer frameIndex, Double timeSeconds, int width,
    int height, double threshold, long areaPx, double areaFraction, List<Region> regions,
    double maxProbability, double meanProbability, Double dice, Double iou, String modelName,
    String modelSha256, byte[] maskPng) {}
