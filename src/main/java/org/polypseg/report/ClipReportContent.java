package org.polypseg.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polypseg.segment.OverlayRenderer;

/**
 * The words, tables and pictures of a clip's report, shared by its PDF and Word writers so both
 * say the same. The intended-use notice and the accent colour come from the PDF texts template,
 * as in the image reports.
 */
final class ClipReportContent {

  static final String TITLE = "Polyp report: colonoscopy clip";
  static final String TIMELINE_HEADING = "Timeline";
  static final String TIMELINE_CAPTION = "Polyp area per analysed frame, % of the frame, over"
      + " time (s); shaded: the detection stretches, where a polyp is shown at the threshold.";
  static final String STRETCHES_HEADING = "Detection stretches";
  static final String NO_STRETCHES = "No frame shows a polyp at this threshold.";
  static final String KEY_FRAMES_HEADING = "Key frames";
  static final List<String> STRETCH_COLUMNS =
      List.of("#", "Start", "End", "Length", "Key frame", "Key frame area");

  private final ClipReportRequest request;
  private final ReportTexts texts;

  ClipReportContent(ClipReportRequest request, ReportTexts texts) {
    this.request = request;
    this.texts = texts;
  }

  ClipReportRequest request() {
    return request;
  }

  ReportTexts texts() {
    return texts;
  }

  /** Label and value of each line of the facts table. */
  List<String[]> facts() {
    ClipReportRequest r = request;
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Clip", r.clipName()});
    rows.add(new String[] {"Created", Numbers.dateTime(r.createdAt())});
    rows.add(new String[] {"Duration", time(r.durationSeconds()) + String.format(Locale.ROOT,
        " (%.2f frames/s)", r.framesPerSecond())});
    rows.add(new String[] {"Frames", String.format(Locale.ROOT, "%,d, of which %,d analysed"
        + " (every %s)", r.frames(), r.framesAnalysed(),
        r.stride() == 1 ? "frame" : ordinal(r.stride()) + " frame")});
    rows.add(new String[] {"Frame size", r.width() + " × " + r.height() + " px"});
    rows.add(new String[] {"Threshold", Numbers.threshold(r.threshold()) + " (a pixel is polyp"
        + " when its probability is ≥ the threshold; a frame shows a polyp from "
        + Numbers.percent(MIN_AREA) + " % of its area)"});
    rows.add(new String[] {"Detection stretches", Integer.toString(r.stretches().size())});
    rows.add(new String[] {"Model", r.model().name()});
    rows.add(new String[] {"Weights SHA-256", r.model().sha256()});
    return rows;
  }

  /** A frame shows a polyp from this share of its area (the video package's rule). */
  static final double MIN_AREA = 0.002;

  List<List<String>> stretchRows() {
    List<List<String>> rows = new ArrayList<>();
    int n = 1;
    for (ClipReportRequest.StretchItem s : request.stretches()) {
      double area = keyArea(s);
      rows.add(List.of(Integer.toString(n++), time(s.startSeconds()), time(s.endSeconds()),
          String.format(Locale.ROOT, "%.1f s", s.endSeconds() - s.startSeconds()),
          String.format(Locale.ROOT, "%,d at %s", s.keyFrame(), time(s.keyTimeSeconds())),
          Double.isNaN(area) ? Numbers.DASH : Numbers.percent(area) + " %"));
    }
    return rows;
  }

  /** Key frames with a picture, with their stretch's number (from 1). */
  List<Integer> pictured() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < request.stretches().size(); i++) {
      if (request.stretches().get(i).keyImage() != null) {
        numbers.add(i + 1);
      }
    }
    return numbers;
  }

  Picture keyPhoto(int number) {
    return Picture.photo(request.stretches().get(number - 1).keyImage());
  }

  Picture keyOverlay(int number) {
    ClipReportRequest.StretchItem s = request.stretches().get(number - 1);
    return Picture.photo(OverlayRenderer.render(s.keyImage(), s.keySegmentation(),
        request.threshold(), null));
  }

  String keyCaption(int number) {
    ClipReportRequest.StretchItem s = request.stretches().get(number - 1);
    return "Stretch " + number + ": frame " + s.keyFrame() + " at " + time(s.keyTimeSeconds())
        + ", and its overlay at threshold " + Numbers.threshold(request.threshold());
  }

  Picture timeline() {
    List<double[]> spans = request.stretches().stream()
        .map(s -> new double[] {s.startSeconds(), s.endSeconds()}).toList();
    return ReportCharts.timeline(request.timelineSeconds(), request.timelineArea(), spans);
  }

  String intendedUseHeading() {
    return texts.get("heading.intendedUse");
  }

  String intendedUse() {
    return texts.get("intendedUse");
  }

  private double keyArea(ClipReportRequest.StretchItem s) {
    if (s.keySegmentation() == null) {
      return Double.NaN;
    }
    return org.polypseg.segment.SegmentationService.analyze(s.keySegmentation(),
        request.threshold(), null).areaFraction();
  }

  /** m:ss.s */
  static String time(double seconds) {
    int m = (int) (seconds / 60);
    return String.format(Locale.ROOT, "%d:%04.1f", m, seconds - 60 * m);
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix;
  }
}
