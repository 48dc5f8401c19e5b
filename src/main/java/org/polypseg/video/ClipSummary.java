package org.polypseg.video;

/**
 * A finished analysis.
 *
 * @param info the clip's header
 * @param frames frames read (and written to the annotated video)
 * @param analysedFrames frames segmented by the model
 * @param seconds wall time of the analysis, seconds
 */
public record ClipSummary(ClipInfo info, int frames, int analysedFrames, double seconds) {

  /** Frames read per second of wall time. */
  public double framesPerSecond() {
    return seconds > 0 ? frames / seconds : 0;
  }
}
