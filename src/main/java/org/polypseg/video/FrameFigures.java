package org.polypseg.video;

/**
 * What the model found in one analysed frame, at the analysis's threshold.
 *
 * @param index the frame's position in the clip, from 0
 * @param timeSeconds its time from the clip's start, seconds
 * @param areaFraction polyp pixels / frame pixels, 0..1
 * @param regions connected polyp regions
 * @param maxProbability the highest polyp probability in the frame, 0..1
 */
public record FrameFigures(
    int index, double timeSeconds, double areaFraction, int regions, double maxProbability) {}
