package org.polypseg.video;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.polypseg.segment.OverlayRenderer;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * Streams a clip through the model: frames are decoded one at a time, every {@code stride}-th is
 * segmented, and each frame is written to the annotated video with the last analysed frame's
 * overlay. Decoding, drawing and encoding overlap with inference: the next frame goes into the
 * model as soon as a frame has come out of it, before that frame's figures, overlay and encoding
 * are made. At most {@link FrameInference#parallelism()} frames are in the model at once and at
 * most {@link #MAX_PENDING} decoded frames wait for it, so memory does not grow with the clip's
 * length.
 */
public final class ClipAnalyzer {

  /** Decoded frames that may wait for an earlier frame's segmentation. */
  static final int MAX_PENDING = 32;

  private record Pending(DecodedFrame frame, CompletableFuture<Segmentation> segmentation) {}

  private final FrameInference inference;
  private final AnalysisSettings settings;

  public ClipAnalyzer(FrameInference inference, AnalysisSettings settings) {
    this.inference = inference;
    this.settings = settings;
  }

  /**
   * Analyses the clip to its end.
   *
   * @param annotated where the annotated frames go, or null for figures only
   * @throws VideoReadException when the clip has no frames or cannot be decoded to its end
   * @throws FrameInferenceException when a frame could not be segmented
   * @throws CancellationException when the listener asked to stop
   */
  public ClipSummary analyze(ClipReader reader, ClipWriter annotated, AnalysisListener listener)
      throws VideoReadException {
    return new Run(reader, annotated, listener).run();
  }

  /** The state of one analysis. */
  private final class Run {
    private final ClipReader reader;
    private final ClipWriter annotated;
    private final AnalysisListener listener;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final long start = System.nanoTime();
    private Segmentation last;
    private int done;
    private int analysed;

    Run(ClipReader reader, ClipWriter annotated, AnalysisListener listener) {
      this.reader = reader;
      this.annotated = annotated;
      this.listener = listener;
    }

    ClipSummary run() throws VideoReadException {
      int parallelism = Math.max(1, inference.parallelism());
      DecodedFrame frame;
      while ((frame = reader.next()) != null) {
        if (listener.cancelled()) {
          throw new CancellationException("cancelled");
        }
        CompletableFuture<Segmentation> segmentation = null;
        if (frame.index() % settings.stride() == 0) {
          awaitRoomInTheModel(parallelism);
          segmentation = inference.segment(frame.image());
        }
        pending.add(new Pending(frame, segmentation));
        while (pending.size() > MAX_PENDING || headReady()) {
          finishHead();
        }
      }
      while (!pending.isEmpty()) {
        finishHead();
      }
      if (done == 0) {
        throw new VideoReadException(reader.name() + ": the clip holds no video frames");
      }
      return new ClipSummary(reader.info(), done, analysed, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Waits until fewer than {@code parallelism} frames are in the model. Only waits: the frames
     * that came out are finished (figures, overlay, encoding) after the next one has gone in.
     */
    private void awaitRoomInTheModel(int parallelism) {
      while (true) {
        CompletableFuture<Segmentation> oldest = null;
        int running = 0;
        for (Pending p : pending) {
          if (p.segmentation() != null && !p.segmentation().isDone()) {
            running++;
            if (oldest == null) {
              oldest = p.segmentation();
            }
          }
        }
        if (running < parallelism) {
          return;
        }
        try {
          oldest.join();
        } catch (CompletionException | CancellationException e) {
          // Reported, with its frame, when that frame is finished.
          return;
        }
      }
    }

    private boolean headReady() {
      Pending head = pending.peek();
      // A frame that is not analysed only waits for the analysed frames before it.
      return head != null && (head.segmentation() == null || head.segmentation().isDone());
    }

    private void finishHead() {
      Pending head = pending.poll();
      DecodedFrame frame = head.frame();
      if (head.segmentation() != null) {
        last = join(head.segmentation());
        analysed++;
        listener.analysed(new AnalysedFrame(figures(frame, last), ReducedMap.of(last)));
      }
      if (annotated != null) {
        BufferedImage picture = last == null ? frame.image()
            : OverlayRenderer.render(frame.image(), last, settings.threshold(), null);
        annotated.write(picture);
      }
      listener.frameDone(++done);
    }

    private FrameFigures figures(DecodedFrame frame, Segmentation s) {
      ThresholdAnalysis a = SegmentationService.analyze(s, settings.threshold(), null);
      float max = 0;
      for (float p : s.probabilities()) {
        max = Math.max(max, p);
      }
      return new FrameFigures(frame.index(), frame.timeSeconds(), a.areaFraction(),
          a.regions().size(), max);
    }
  }

  private static Segmentation join(CompletableFuture<Segmentation> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
