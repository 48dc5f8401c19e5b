package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.polypseg.segment.Segmentation;
import org.polypseg.video.FrameInference;
import org.polypseg.video.FrameInferenceException;

/**
 * Clip frames through the server's shared {@link SegmentationJobs} queue, the one images use. A
 * clip holds at most a batch's worth of frames in it, and the fair queue gives other users' images
 * an equal share of every batch, so they never wait behind a clip. When the pool is full a frame waits and tries again
 * (a clip is patient, unlike a user waiting for one image) for up to {@link #PATIENCE}.
 */
final class PooledFrameInference implements FrameInference {

  /** How long a frame keeps retrying a full pool before its clip fails as busy. */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  /**
   * The fair queue's client of every clip's frames: clips together take one user's share when
   * images of others wait (the frames come from the clips' own threads, which know no user).
   */
  static final String CLIENT = "video-clips";

  private final SegmentationJobs jobs;

  PooledFrameInference(SegmentationJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public CompletableFuture<Segmentation> segment(BufferedImage frame) {
    return attempt(frame, System.nanoTime() + PATIENCE.toNanos());
  }

  private CompletableFuture<Segmentation> attempt(BufferedImage frame, long deadline) {
    return jobs.submit(CLIENT, "video frame", frame).thenCompose(outcome -> switch (outcome) {
      case SegmentationJobs.Segmented s -> CompletableFuture.completedFuture(s.segmentation());
      case SegmentationJobs.Rejected r ->
          CompletableFuture.failedFuture(new FrameInferenceException(r.message()));
      case SegmentationJobs.OverLimit o -> retry(frame, deadline, o.retryAfter());
      case SegmentationJobs.Busy b -> retry(frame, deadline, b.retryAfter());
    });
  }

  private CompletableFuture<Segmentation> retry(BufferedImage frame, long deadline,
      Duration retryAfter) {
    return System.nanoTime() + retryAfter.toNanos() > deadline
          ? CompletableFuture.failedFuture(new FrameInferenceException("the server stayed busy"
              + " for " + PATIENCE.toMinutes() + " min; the clip was stopped, try it again later"))
          : CompletableFuture.supplyAsync(() -> frame, CompletableFuture.delayedExecutor(
              Math.max(100, retryAfter.toMillis()), TimeUnit.MILLISECONDS))
              .thenCompose(f -> attempt(f, deadline));
  }

  /**
   * A batch's worth, while two clips at once stay inside the clips' share of the queue: a lone
   * clip fills the model's batches, and with other users' images each batch is shared fairly.
   */
  @Override
  public int parallelism() {
    return Math.max(1, Math.min(jobs.batchSize(), jobs.perClientLimit() / 2));
  }
}
