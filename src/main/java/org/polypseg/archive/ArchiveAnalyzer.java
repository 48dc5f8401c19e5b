package org.polypseg.archive;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.image.ImageLimits;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;
import org.polypseg.video.AnalysedFrame;
import org.polypseg.video.AnalysisListener;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.ClipAnalyzer;
import org.polypseg.video.ClipReader;
import org.polypseg.video.ClipSummary;
import org.polypseg.video.FrameFigures;
import org.polypseg.video.FrameInference;
import org.polypseg.video.Stretch;
import org.polypseg.video.VideoLimits;
import org.polypseg.video.VideoReadException;

/**
 * One file in, its rows out: a frame is read and segmented as the API does it, a clip is analysed
 * by the {@code video} command's {@link ClipAnalyzer}; both read a segmentation with {@link
 * SegmentationService#analyze}, so the archive's numbers are the page's, the API's and the
 * command line's. Knows nothing of Spark: the job maps each partition's files through it.
 * A file that cannot be used is a row of {@code errors}, never an exception.
 */
public final class ArchiveAnalyzer {

  /**
   * Clips of an archive are whole procedures, longer than the server's 15 minutes: up to 12 hours
   * (1.3 million frames at 30 frames/s), 64 GB, and 4K frames.
   */
  public static final VideoLimits CLIP_LIMITS =
      new VideoLimits(64L << 30, Duration.ofHours(12), 1_300_000, 3840L * 2160);

  private final SegmentationService service;
  private final ArchiveSettings settings;
  private final ArchiveFiles files;

  public ArchiveAnalyzer(SegmentationService service, ArchiveSettings settings,
      ArchiveFiles files) {
    this.service = service;
    this.settings = settings;
    this.files = files;
  }

  /** The rows of one file. */
  public ItemResult analyze(WorkItem item) {
    return finish(prepare(item));
  }

  /**
   * A file made ready for the model: a frame read and decoded (or the reason it cannot be); a
   * clip is decoded as it is analysed. A task prepares its next file while the model works on
   * this one, as the command line decodes the next frame while its workers segment.
   *
   * @param image the decoded frame; null for a clip or a failed frame
   * @param failed the rows of a frame that could not be read; else null
   */
  public record Prepared(WorkItem item, BufferedImage image, ItemResult failed) {}

  /** Reads and decodes a frame; never throws for a bad file. */
  public Prepared prepare(WorkItem item) {
    if (item.clip()) {
      return new Prepared(item, null, null);
    }
    try {
      return new Prepared(item, Images.readRgb(readImage(item.path()), item.path()), null);
    } catch (ImageReadException e) {
      return new Prepared(item, null, failed(item.path(), "frame", e.getMessage()));
    }
  }

  /** The rows of a prepared file: the model, the figures. */
  public ItemResult finish(Prepared prepared) {
    if (prepared.failed() != null) {
      return prepared.failed();
    }
    return prepared.item().clip() ? clip(prepared.item())
        : frame(prepared.item(), prepared.image());
  }

  private ItemResult frame(WorkItem item, BufferedImage image) {
    Segmentation s = service.segment(image);
    List<ErrorRecord> errors = new ArrayList<>();
    boolean[] truth = null;
    if (item.mask() != null) {
      try {
        truth = truth(item.mask(), item.path(), s);
      } catch (ImageReadException e) {
        // The frame's own figures still count; only Dice and IoU are missing.
        errors.add(new ErrorRecord(item.mask(), "mask", e.getMessage()));
      }
    }
    return new ItemResult(List.of(record(item.path(), null, null, s, truth)), null, errors);
  }

  private byte[] readImage(String path) throws ImageReadException {
    try {
      long length = files.length(path);
      // Checked before reading, so that a huge file is never pulled into memory.
      if (length > ImageLimits.DEFAULT.maxBytes()) {
        throw new ImageReadException(ImageLimits.DEFAULT.tooLarge(path, length));
      }
      return files.read(path);
    } catch (IOException e) {
      throw new ImageReadException(path + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** The mask's truth, checked as the API checks it: readable, the frame's size, a mask. */
  private boolean[] truth(String maskPath, String imagePath, Segmentation s)
      throws ImageReadException {
    BufferedImage mask = Images.readRgb(readImage(maskPath), maskPath);
    if (mask.getWidth() != s.width() || mask.getHeight() != s.height()) {
      throw new ImageReadException(maskPath + ": the mask is " + mask.getWidth() + "×"
          + mask.getHeight() + " px but " + imagePath + " is " + s.width() + "×" + s.height()
          + " px");
    }
    return Masks.truth(mask, maskPath);
  }

  private ItemResult clip(WorkItem item) {
    String source = item.path();
    AnalysisSettings analysis = new AnalysisSettings(settings.stride(), settings.threshold());
    // The analyzer hands out figures only; the full row needs the segmentation itself. One frame
    // at a time on this task's thread, so segmentations come out in the order they went in.
    ArrayDeque<Segmentation> made = new ArrayDeque<>();
    FrameInference inference = FrameInference.direct(image -> {
      Segmentation s = service.segment(image);
      made.add(s);
      return s;
    });
    List<FrameRecord> frames = new ArrayList<>();
    List<FrameFigures> figures = new ArrayList<>();
    ClipSummary summary;
    String localName = source;
    try (ArchiveFiles.Local local = files.local(source)) {
      localName = local.path().toString();
      try (ClipReader reader = ClipReader.open(local.path(), CLIP_LIMITS)) {
        summary = new ClipAnalyzer(inference, analysis).analyze(reader, null,
            new AnalysisListener() {
              @Override
              public void analysed(AnalysedFrame frame) {
                Segmentation s = made.poll();
                figures.add(frame.figures());
                frames.add(record(source, frame.figures().index(),
                    frame.figures().timeSeconds(), s, null));
              }
            });
      }
    } catch (VideoReadException e) {
      // The decoder names the file it opened: a remote clip's local copy is named as the clip.
      return failed(source, "clip", e.getMessage().replace(localName, source));
    } catch (IOException e) {
      return failed(source, "clip", source + ": cannot be read (" + e.getMessage() + ")");
    }
    double step = settings.stride() * summary.info().frameSeconds();
    double[] area = figures.stream().mapToDouble(FrameFigures::areaFraction).toArray();
    List<Stretch> stretches = Stretch.find(figures, area, step);
    ModelSummary model = service.model();
    ClipRecord clip = new ClipRecord(source, summary.info().width(), summary.info().height(),
        summary.info().framesPerSecond(), summary.frames(), summary.analysedFrames(),
        summary.frames() * summary.info().frameSeconds(), settings.stride(),
        settings.threshold(), stretches, model.name(), model.sha256());
    return new ItemResult(frames, clip, List.of());
  }

  private FrameRecord record(String source, Integer index, Double time, Segmentation s,
      boolean[] truth) {
    double threshold = settings.threshold();
    ThresholdAnalysis a = SegmentationService.analyze(s, threshold, truth);
    float max = 0;
    double sum = 0;
    for (float p : s.probabilities()) {
      max = Math.max(max, p);
      sum += p;
    }
    byte[] png = settings.writeMasks()
        ? SegmentationImages.png(SegmentationImages.maskImage(s, threshold)) : null;
    ModelSummary model = s.model();
    return new FrameRecord(source, index, time, s.width(), s.height(), threshold, a.areaPx(),
        a.areaFraction(), a.regions(), max, sum / s.probabilities().length, a.dice(), a.iou(),
        model.name(), model.sha256(), png);
  }

  private static ItemResult failed(String source, String kind, String reason) {
    return new ItemResult(List.of(), null, List.of(new ErrorRecord(source, kind, reason)));
  }
}
