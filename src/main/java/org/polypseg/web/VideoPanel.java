package org.polypseg.web;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.polypseg.web.audit.AuditAction;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.polypseg.image.Images;
import org.polypseg.report.ReportFormat;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.video.AnalysedFrame;
import org.polypseg.video.ClipReportMaker;
import org.polypseg.video.DecodedFrame;
import org.polypseg.video.FramesCsv;
import org.polypseg.video.Stretch;
import org.polypseg.video.VideoJob;
import org.polypseg.video.VideoJobState;
import org.polypseg.video.VideoJobStatus;
import org.polypseg.video.VideoReadException;

/**
 * One clip on the page: its progress (frames done of total, frames/s, ETA) and Cancel while it
 * runs; the timeline of polyp area with the detection stretches at the current threshold, which
 * fills as frames are analysed; a scrubber that shows the chosen frame with its overlay (the same
 * threshold component as for images) and heat map; and, once done, the annotated clip playing in
 * the page and the downloads.
 */
public class VideoPanel extends Div {

  /** How often the page reads the job's progress while it runs, milliseconds. */
  static final long REFRESH_MS = 500;

  private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("video-page-ticks").factory());
  // Frames for scrubbing are decoded off the UI thread; two at a time for the whole server.
  private static final ExecutorService DECODERS = Executors.newFixedThreadPool(2,
      Thread.ofPlatform().daemon().name("video-page-frames-", 1).factory());

  private final VideoJob job;
  private final UiContext ui;
  private final ClipReportMaker reports;
  private final PageAccounting accounting;
  private final String uploadTag;
  private final Span status = new Span();
  private final ProgressBar bar = new ProgressBar();
  private final Button cancel = new Button("Cancel", VaadinIcon.CLOSE_SMALL.create());
  private final Image timeline = new Image();
  private final Element scrub = new Element("input");
  private final ThresholdOverlay overlay = new ThresholdOverlay();
  private final Image heat = new Image();
  private final Span frameText = new Span();
  private final Div result = new Div();
  private final HorizontalLayout downloads = new HorizontalLayout();
  private List<AnalysedFrame> frames = List.of();
  private double threshold;
  private int shown = -1;
  private double[] areaAtThreshold = new double[0];
  private double areaThreshold = Double.NaN;
  private boolean finished;
  private ScheduledFuture<?> ticker;

  /**
   * @param accounting the rate limit and audit log the downloads go through
   * @param uploadTag the clip's hash tag, for the audit log
   */
  public VideoPanel(VideoJob job, UiContext ui, ClipReportMaker reports,
      PageAccounting accounting, String uploadTag) {
    this.job = job;
    this.ui = ui;
    this.reports = reports;
    this.accounting = accounting;
    this.uploadTag = uploadTag;
    this.threshold = job.settings().threshold();
    addClassName("video-panel");
    setId("video-" + job.id());

    H2 title = new H2(job.name());
    Span sub = new Span(String.format(Locale.ROOT, "%d × %d px · %.2f frames/s · every %s",
        job.info().width(), job.info().height(), job.info().framesPerSecond(),
        job.settings().stride() == 1 ? "frame analysed"
            : "1 in " + job.settings().stride() + " frames analysed"));
    sub.addClassName("case-sub");
    status.addClassName("video-status");
    status.setId("video-status");
    bar.setWidth("16em");
    cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    cancel.setId("video-cancel");
    cancel.addClickListener(e -> job.cancel());
    HorizontalLayout progress = new HorizontalLayout(bar, status, cancel);
    progress.setAlignItems(FlexComponent.Alignment.CENTER);

    timeline.setAlt("Polyp area per analysed frame; shaded: detection stretches");
    timeline.setId("video-timeline");
    timeline.setWidthFull();
    scrub.setAttribute("type", "range");
    scrub.setAttribute("min", "0");
    scrub.setAttribute("max", "0");
    scrub.setAttribute("step", "1");
    scrub.setAttribute("id", "video-scrub");
    scrub.setAttribute("aria-label", "Frame");
    scrub.getStyle().set("width", "100%");
    scrub.addEventListener("change", e -> show((int) e.getEventData()
        .get("element.valueAsNumber").asDouble())).addEventData("element.valueAsNumber");
    Div scrubber = new Div();
    scrubber.getElement().appendChild(scrub);
    scrubber.addClassName("video-scrubber");

    overlay.setThreshold(threshold);
    overlay.setId("video-overlay");
    overlay.addThresholdChangedListener(e -> {
      threshold = e.getValue();
      drawTimeline();
    });
    heat.setAlt("Probability heat map");
    heat.setId("video-heatmap");
    frameText.setId("video-frame-text");
    Div overlayPanel = new Div(new Span("Frame with overlay"), overlay);
    overlayPanel.addClassName("panel");
    Div heatPanel = new Div(new Span("Probability heat map"), heat);
    heatPanel.addClassName("panel");
    Div panels = new Div(overlayPanel, heatPanel);
    panels.addClassName("panels");
    result.addClassName("video-result");
    downloads.setId("video-downloads");

    add(new Div(title, sub), progress, timeline, scrubber, frameText, panels, result, downloads);
    drawTimeline();
    refresh();
  }

  public VideoJob job() {
    return job;
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    if (!finished && ticker == null) {
      ticker = TICKS.scheduleWithFixedDelay(() -> ui.access(this::refresh), REFRESH_MS,
          REFRESH_MS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    stopTicking();
    super.onDetach(detachEvent);
  }

  /** Reads the job's progress and new frames into the page; UI thread. */
  void refresh() {
    if (finished) {
      return;
    }
    VideoJobState state = job.state();
    int known = frames.size();
    frames = job.frames();
    scrub.setAttribute("max", Integer.toString(Math.max(0, frames.size() - 1)));
    status.setText(progressText(state));
    if (state.framesTotal() > 0) {
      bar.setIndeterminate(false);
      bar.setValue(Math.min(1.0, (double) state.framesDone() / state.framesTotal()));
    } else {
      bar.setIndeterminate(!state.status().finished());
    }
    if (shown < 0 && !frames.isEmpty()) {
      show(0);
    } else if (frames.size() != known) {
      drawTimeline();
    }
    if (state.status().finished()) {
      finished = true;
      stopTicking();
      cancel.setVisible(false);
      bar.setVisible(false);
      if (state.status() == VideoJobStatus.DONE) {
        showResult();
      } else if (state.status() == VideoJobStatus.FAILED) {
        ui.error(state.reason());
      }
    }
  }

  static String progressText(VideoJobState s) {
    String total = s.framesTotal() > 0 ? String.format(Locale.ROOT, "%,d", s.framesTotal()) : "?";
    return switch (s.status()) {
      case QUEUED -> "Waiting for the server…";
      case RUNNING -> String.format(Locale.ROOT, "%,d of %s frames · %.1f frames/s%s",
          s.framesDone(), total, s.framesPerSecond(), s.etaSeconds() == null ? ""
              : " · about " + duration(s.etaSeconds()) + " left");
      case DONE -> String.format(Locale.ROOT, "Done: %,d frames, %,d analysed, at %.1f frames/s",
          s.framesDone(), s.framesAnalysed(), s.framesPerSecond());
      case FAILED -> "Failed: " + s.reason();
      case CANCELLED -> String.format(Locale.ROOT, "Cancelled after %,d frames", s.framesDone());
    };
  }

  /** Shows the analysed frame at {@code position} (0 = the first analysed frame). */
  void show(int position) {
    if (position < 0 || position >= frames.size()) {
      return;
    }
    shown = position;
    AnalysedFrame frame = frames.get(position);
    drawTimeline();
    scrub.setProperty("value", Integer.toString(position));
    frameText.setText(String.format(Locale.ROOT,
        "Frame %,d at %s · polyp area %.2f %% at threshold %.2f · %d region%s · max probability"
            + " %.3f", frame.figures().index(), duration(frame.figures().timeSeconds()),
        100 * frame.figures().areaFraction(), job.settings().threshold(),
        frame.figures().regions(), frame.figures().regions() == 1 ? "" : "s",
        frame.figures().maxProbability()));
    CompletableFuture.supplyAsync(() -> pictures(frame), DECODERS).whenComplete((p, failure) ->
        ui.access(() -> {
          if (failure != null || p == null) {
            ui.error(job.name() + ": frame " + frame.figures().index() + " could not be decoded"
                + " again for display");
          } else if (shown == position) {
            String stem = "frame-" + frame.figures().index();
            overlay.setSources(Downloads.inlinePngBytes(stem + ".png", () -> p[0]),
                Downloads.inlinePngBytes(stem + "-probability.png", () -> p[1]));
            heat.setSrc(Downloads.inlinePngBytes(stem + "-heatmap.png", () -> p[2]));
          }
        }));
  }

  /** {frame PNG, probability PNG, heat map PNG} at the frame's size, or null without a frame. */
  private byte[][] pictures(AnalysedFrame frame) {
    DecodedFrame decoded;
    try {
      decoded = job.decodeFrame(frame.figures().index());
    } catch (VideoReadException e) {
      return null;
    }
    if (decoded == null) {
      return null;
    }
    BufferedImage image = decoded.image();
    int w = image.getWidth();
    int h = image.getHeight();
    // The reduced map, stretched back to the frame: what the threshold component thresholds.
    float[] p = Images.resizeMap(frame.map().probabilities(), frame.map().width(),
        frame.map().height(), w, h);
    Segmentation full = new Segmentation(w, h, p, 0, null);
    return new byte[][] {SegmentationImages.png(image),
        SegmentationImages.png(SegmentationImages.probabilityImage(full)),
        SegmentationImages.png(SegmentationImages.heatMap(full))};
  }

  private void drawTimeline() {
    List<AnalysedFrame> f = frames;
    if (areaAtThreshold.length != f.size() || areaThreshold != threshold) {
      double[] area = new double[f.size()];
      int reuse = areaThreshold == threshold ? Math.min(areaAtThreshold.length, f.size()) : 0;
      System.arraycopy(areaAtThreshold, 0, area, 0, reuse);
      for (int i = reuse; i < area.length; i++) {
        area[i] = f.get(i).map().areaFraction(threshold);
      }
      areaAtThreshold = area;
      areaThreshold = threshold;
    }
    double[] times = f.stream().mapToDouble(a -> a.figures().timeSeconds()).toArray();
    List<Stretch> stretches = Stretch.find(f.stream().map(AnalysedFrame::figures).toList(),
        areaAtThreshold, job.stepSeconds());
    double duration = Math.max(job.info().durationSeconds(),
        times.length == 0 ? 0 : times[times.length - 1] + job.stepSeconds());
    double cursor = shown >= 0 && shown < times.length ? times[shown] : Double.NaN;
    BufferedImage picture = TimelinePicture.draw(times, areaAtThreshold, stretches, duration,
        cursor);
    byte[] png = SegmentationImages.png(picture);
    timeline.setSrc(Downloads.inlinePngBytes("timeline.png", () -> png));
    timeline.getElement().setAttribute("data-stretches", Integer.toString(stretches.size()));
    timeline.getElement().setAttribute("data-frames", Integer.toString(times.length));
  }

  private void showResult() {
    Element video = new Element("video");
    video.setAttribute("controls", true);
    video.setAttribute("id", "video-annotated");
    video.getStyle().set("max-width", "100%");
    video.setAttribute("src", inline("annotated.webm", "video/webm", job::annotated));
    result.getElement().appendChild(video);

    String stem = stem(job.name());
    List<String> tag = List.of(uploadTag);
    Anchor annotated = Downloads.button("Annotated video", accounting.audited(
        AuditAction.DOWNLOAD, tag, "annotated.webm", attachment(stem + "-annotated.webm",
            "video/webm", job::annotated)));
    annotated.setId("download-annotated");
    Anchor csv = Downloads.button("Frames CSV", accounting.audited(AuditAction.DOWNLOAD, tag,
        "frames.csv", attachment(stem + "-frames.csv", "text/csv",
            () -> FramesCsv.of(job.frames().stream().map(AnalysedFrame::figures)
                .toList()).getBytes(StandardCharsets.UTF_8))));
    csv.setId("download-csv");
    downloads.add(annotated, csv, report(ReportFormat.PDF), report(ReportFormat.DOCX));
  }

  private Anchor report(ReportFormat format) {
    // A clip's report segments its key frames again: it counts against the allowance, as the
    // image reports and the API's clip report do.
    Anchor anchor = Downloads.button(format == ReportFormat.PDF ? "Report PDF" : "Report Word",
        accounting.costly(AuditAction.REPORT, List.of(uploadTag), format.extension(),
            seconds -> ui.error(PageAccounting.notMadeOverAllowance("The clip's "
                + format.extension().toUpperCase(java.util.Locale.ROOT) + " report", seconds)),
            event -> {
          byte[] document;
          try {
            var request = reports.request(job.analysedClip());
            document = reports.render(request, format);
            event.setFileName(org.polypseg.report.ReportService.clipFileName(request, format));
          } catch (VideoReadException | RuntimeException e) {
            ui.error(job.name() + ": the report could not be made (" + e.getMessage() + ")");
            event.getResponse().setStatus(500);
            return false;
          }
          event.setContentType(format.mediaType());
          event.setContentLength(document.length);
          event.getOutputStream().write(document);
          return true;
        }));
    anchor.setId("video-report-" + format.extension());
    return anchor;
  }

  private static DownloadHandler attachment(String name, String type,
      java.util.function.Supplier<byte[]> bytes) {
    return bytes(name, type, bytes, false);
  }

  private static DownloadHandler inline(String name, String type,
      java.util.function.Supplier<byte[]> bytes) {
    return bytes(name, type, bytes, true);
  }

  /** Bytes made when the browser asks, shown in the page ({@code inline}) or saved. */
  private static DownloadHandler bytes(String name, String type,
      java.util.function.Supplier<byte[]> bytes, boolean inline) {
    return event -> {
      byte[] b = bytes.get();
      if (inline) {
        event.inline(name);
      } else {
        event.setFileName(name);
      }
      event.setContentType(type);
      event.setContentLength(b.length);
      event.getOutputStream().write(b);
    };
  }

  private void stopTicking() {
    if (ticker != null) {
      ticker.cancel(false);
      ticker = null;
    }
  }

  boolean finished() {
    return finished;
  }

  List<AnalysedFrame> frames() {
    return frames;
  }

  int shown() {
    return shown;
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.1f s", seconds);
  }

  private static String stem(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    int dot = safe.lastIndexOf('.');
    return dot > 0 ? safe.substring(0, dot) : safe;
  }
}
