package org.polypseg.bench;

/**
 * End-to-end clip throughput against single-image inference, measured in the same run.
 *
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param frames frames in the synthetic clip
 * @param imageFramesPerSecond the model alone on the already decoded frames, one after another
 *     (resize, network, resize back: what an image upload costs), frames per second
 * @param videoFramesPerSecond decode + model + overlay + VP8 encode of the whole clip, stride 1,
 *     with inference on its own worker as on the server, frames per second
 * @param ratio videoFramesPerSecond / imageFramesPerSecond; the target is at least 0.8
 */
public record VideoThroughput(int width, int height, int frames, double imageFramesPerSecond,
    double videoFramesPerSecond, double ratio) {}
