package org.polypseg.video;

/**
 * A clip as its container header describes it.
 *
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param framesPerSecond the video's average frame rate, frames per second
 * @param estimatedFrames video frames the header announces; 0 when it does not say
 * @param durationSeconds length from the header, seconds; 0 when it does not say
 * @param codec name of the video codec, as FFmpeg calls it (h264, vp8, ...)
 */
public record ClipInfo(int width, int height, double framesPerSecond, long estimatedFrames,
    double durationSeconds, String codec) {

  /** Seconds from one frame to the next. */
  public double frameSeconds() {
    return 1 / framesPerSecond;
  }
}
