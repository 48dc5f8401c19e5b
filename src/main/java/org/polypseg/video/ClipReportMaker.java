package org.polypseg.video;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.polypseg.report.ClipReportRequest;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportService;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;

/**
 * A finished clip's PDF or Word report: its facts, the timeline of polyp area, every detection
 * stretch, and the key frames of the {@link #MAX_KEY_FRAMES} longest stretches, decoded again
 * from the clip and segmented again (at full resolution) for their overlay.
 */
public final class ClipReportMaker {

  /** Stretches whose key frame is pictured; the table lists them all. */
  public static final int MAX_KEY_FRAMES = 12;

  private final ReportService reports;
  private final FrameInference inference;
  private final ModelSummary model;

  public ClipReportMaker(ReportService reports, FrameInference inference, ModelSummary model) {
    this.reports = reports;
    this.inference = inference;
    this.model = model;
  }

  /** The report's content, with its key frames' pictures. */
  public ClipReportRequest request(AnalysedClip clip) throws VideoReadException {
    List<Stretch> stretches = clip.stretches();
    Set<Stretch> pictured = new HashSet<>(stretches.stream()
        .sorted(Comparator.comparingDouble(Stretch::seconds).reversed())
        .limit(MAX_KEY_FRAMES).toList());
    List<ClipReportRequest.StretchItem> items = new ArrayList<>();
    for (Stretch s : stretches) {
      DecodedFrame key = pictured.contains(s) ? clip.source().frameAt(s.keyFrame()) : null;
      Segmentation map = key == null ? null : segment(key);
      double keyTime = key != null ? key.timeSeconds() : timeOf(clip, s.keyFrame());
      items.add(new ClipReportRequest.StretchItem(s.startSeconds(), s.endSeconds(), s.keyFrame(),
          keyTime, key == null ? null : key.image(), map));
    }
    List<AnalysedFrame> frames = clip.analysed();
    double[] times = frames.stream().mapToDouble(f -> f.figures().timeSeconds()).toArray();
    double[] area = frames.stream().mapToDouble(f -> f.figures().areaFraction()).toArray();
    double duration = Math.max(clip.info().durationSeconds(),
        clip.frames() * clip.info().frameSeconds());
    return new ClipReportRequest(clip.name(), duration, clip.frames(), frames.size(),
        clip.settings().stride(), clip.info().framesPerSecond(), clip.info().width(),
        clip.info().height(), clip.settings().threshold(), times, area, items, model,
        ZonedDateTime.now());
  }

  /** The report as a document. */
  public byte[] render(ClipReportRequest request, ReportFormat format) {
    return reports.renderClip(request, format);
  }

  private Segmentation segment(DecodedFrame frame) {
    try {
      return inference.segment(frame.image()).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static double timeOf(AnalysedClip clip, int index) {
    return clip.analysed().stream().filter(f -> f.figures().index() == index).findFirst()
        .map(f -> f.figures().timeSeconds()).orElse(index * clip.info().frameSeconds());
  }
}
