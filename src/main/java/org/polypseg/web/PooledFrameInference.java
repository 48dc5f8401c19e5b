package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.polypseg.segment.Segmentation;
import org.polypseg.video.FrameInference;
import org.polypseg.video.FrameInferenceException;

/**
 * Clip frames through the server's shared {@link SegmentationJobs} pool, the one images use. A
 * clip holds at most one frame per worker in it (as a page's batch does), so images from other
 * users wait behind at most a few frames. When the pool is full a frame waits and tries again
 * (a clip is patient, unlike a user waiting for one image) for up to {@link #PATIENCE}.
 */
final class PooledFrameInference implements FrameInference {

  /** How long a frame keeps retrying a full pool before its clip fails as busy. */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  private final SegmentationJobs jobs;

  PooledFrameInference(SegmentationJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public CompletableFuture<Segmentation> segment(BufferedImage frame) {
    return attempt(frame, System.nanoTime() + PATIENCE.toNanos());
  }

  private CompletableFuture<Segmentation> attempt(BufferedImage frame, long deadline) {
    return jobs.submit("video frame", frame).thenCompose(outcome -> switch (outcome) {
      case SegmentationJobs.Segmented s -> CompletableFuture.completedFuture(s.segmentation());
      case SegmentationJobs.Rejected r ->
          CompletableFuture.failedFuture(new FrameInferenceException(r.message()));
      case SegmentationJobs.Busy b -> System.nanoTime() + b.retryAfter().toNanos() > deadline
          ? CompletableFuture.failedFuture(new FrameInferenceException("the server stayed busy"
              + " for " + PATIENCE.toMinutes() + " min; the clip was stopped, try it again later"))
          : CompletableFuture.supplyAsync(() -> frame, CompletableFuture.delayedExecutor(
              Math.max(100, b.retryAfter().toMillis()), TimeUnit.MILLISECONDS))
              .thenCompose(f -> attempt(f, deadline));
    });
  }

  @Override
  public int parallelism() {
    return Math.max(1, jobs.workerCount());
  }
}
