package org.polypseg.archive;

import java.util.List;
import org.polypseg.video.Stretch;

/**
 * One row of the {@code clips} table: a clip as the {@code video} command sums it up.
 *
 * @param source the clip's file
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param framesPerSecond the clip's frame rate
 * @param frames frames read
 * @param analysedFrames frames segmented (every stride-th)
 * @param durationSeconds frames / frame rate, seconds
 * @param stride every stride-th frame was segmented
 * @param threshold 0..1
 * @param stretches the detection stretches, as {@code video} and the page find them
 * @param modelName the model's name
 * @param modelSha256 the model weights' SHA-256, hex
 */
public record ClipRecord(String source, int width, int height, double framesPerSecond, int frames,
    int analysedFrames, double durationSeconds, int stride, double threshold,
    List<Stretch> stretches, String modelName, String modelSha256) {}
