package org.polypseg.video;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive analysed frames in which a polyp is shown at a threshold.
 *
 * @param firstFrame index of its first frame
 * @param lastFrame index of its last analysed frame
 * @param startSeconds time of its first frame, seconds
 * @param endSeconds time its last analysed frame stops showing (the next analysed frame's time),
 *     seconds
 * @param keyFrame index of the frame with the largest polyp area in it
 * @param keyAreaFraction that frame's polyp area, 0..1
 */
public record Stretch(int firstFrame, int lastFrame, double startSeconds, double endSeconds,
    int keyFrame, double keyAreaFraction) {

  /**
   * A frame shows a polyp when at least this share of it is at or above the threshold: one pixel
   * of noise in a 128-pixel map does not start a stretch.
   */
  public static final double MIN_AREA_FRACTION = 0.002;

  /** Length, seconds. */
  public double seconds() {
    return endSeconds - startSeconds;
  }

  /**
   * The stretches of analysed frames (in clip order) whose polyp area at the threshold, read from
   * their reduced maps, is at least {@link #MIN_AREA_FRACTION}.
   *
   * @param stepSeconds time one analysed frame stands for (stride / frame rate), seconds
   */
  public static List<Stretch> find(List<AnalysedFrame> frames, double threshold,
      double stepSeconds) {
    double[] area = new double[frames.size()];
    for (int i = 0; i < area.length; i++) {
      area[i] = frames.get(i).map().areaFraction(threshold);
    }
    return find(frames.stream().map(AnalysedFrame::figures).toList(), area, stepSeconds);
  }

  /**
   * The stretches given each frame's polyp area ({@code area[i]} for {@code frames.get(i)}, 0..1),
   * for callers that already have the areas at their threshold.
   */
  public static List<Stretch> find(List<FrameFigures> frames, double[] area, double stepSeconds) {
    List<Stretch> stretches = new ArrayList<>();
    int start = -1;
    int key = -1;
    for (int i = 0; i <= frames.size(); i++) {
      boolean shown = i < frames.size() && area[i] >= MIN_AREA_FRACTION;
      if (shown) {
        if (start < 0) {
          start = i;
          key = i;
        } else if (area[i] > area[key]) {
          key = i;
        }
      } else if (start >= 0) {
        FrameFigures first = frames.get(start);
        FrameFigures last = frames.get(i - 1);
        stretches.add(new Stretch(first.index(), last.index(), first.timeSeconds(),
            last.timeSeconds() + stepSeconds, frames.get(key).index(), area[key]));
        start = -1;
      }
    }
    return stretches;
  }
}
