package org.polypseg.video;

import java.util.List;
import java.util.Locale;

/** The per-frame figures as CSV: a header row, then one row per analysed frame. */
public final class FramesCsv {

  public static final String HEADER = "index,timeSeconds,areaFraction,regions,maxProbability";

  private FramesCsv() {}

  public static String of(List<FrameFigures> frames) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (FrameFigures f : frames) {
      csv.append(String.format(Locale.ROOT, "%d,%.3f,%.6f,%d,%.4f\n", f.index(), f.timeSeconds(),
          f.areaFraction(), f.regions(), f.maxProbability()));
    }
    return csv.toString();
  }
}
