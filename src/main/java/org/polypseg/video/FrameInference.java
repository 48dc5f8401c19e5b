package org.polypseg.video;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import org.polypseg.segment.Segmentation;

/**
 * The model as a clip's analysis sees it: a frame in, later its segmentation. The web server
 * passes its shared, bounded inference pool, so that clips and images take turns on the same
 * workers; the command line passes the model itself.
 */
public interface FrameInference {

  /**
   * Queues a frame; the future fails with {@link FrameInferenceException} when the frame cannot
   * be segmented (the message says why, for the user).
   */
  CompletableFuture<Segmentation> segment(BufferedImage frame);

  /**
   * Frames one clip may have waiting or running at once: a clip never holds more of the shared
   * pool than this, so other users' images keep getting their turn.
   */
  int parallelism();

  /** The model itself on the calling thread, one frame at a time: for the command line. */
  static FrameInference direct(java.util.function.Function<BufferedImage, Segmentation> model) {
    return new FrameInference() {
      @Override
      public CompletableFuture<Segmentation> segment(BufferedImage frame) {
        return CompletableFuture.completedFuture(model.apply(frame));
      }

      @Override
      public int parallelism() {
        return 1;
      }
    };
  }

  /**
   * The model on {@code workers} threads of their own, a frame on each: for the command line,
   * as the server's inference pool runs clips (one PyTorch thread per worker; on 2 cores two
   * frames at once beat one frame on both cores). Close the executor it returns with
   * {@link java.util.concurrent.ExecutorService#shutdownNow()} when done.
   */
  static Pooled pooled(java.util.function.Function<BufferedImage, Segmentation> model,
      int workers) {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        workers, Thread.ofPlatform().daemon().name("video-inference-", 0).factory());
    return new Pooled(new FrameInference() {
      @Override
      public CompletableFuture<Segmentation> segment(BufferedImage frame) {
        return CompletableFuture.supplyAsync(() -> model.apply(frame), pool);
      }

      @Override
      public int parallelism() {
        return workers;
      }
    }, pool);
  }

  /** A pooled inference and its threads. */
  record Pooled(FrameInference inference, java.util.concurrent.ExecutorService pool)
      implements AutoCloseable {
    @Override
    public void close() {
      pool.shutdownNow();
    }
  }
}
