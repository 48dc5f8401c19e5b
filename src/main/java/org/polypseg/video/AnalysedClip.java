package org.polypseg.video;

import java.util.List;

/**
 * A clip whose analysis has finished, as its report needs it.
 *
 * @param name the clip's file name as the user knows it
 * @param info its header
 * @param settings how it was analysed
 * @param frames frames read
 * @param analysed the analysed frames, in clip order
 * @param source its frames again, for the key frames' pictures
 */
public record AnalysedClip(String name, ClipInfo info, AnalysisSettings settings, int frames,
    List<AnalysedFrame> analysed, FrameSource source) {

  /** Time one analysed frame stands for, seconds. */
  public double stepSeconds() {
    return settings.stride() * info.frameSeconds();
  }

  /** The detection stretches at the analysis's threshold, from each frame's exact area. */
  public List<Stretch> stretches() {
    double[] area = analysed.stream().mapToDouble(f -> f.figures().areaFraction()).toArray();
    return Stretch.find(analysed.stream().map(AnalysedFrame::figures).toList(), area,
        stepSeconds());
  }
}
