package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.polypseg.image.ImageLimits;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.web.fairuse.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes uploaded files and segments them off the request and UI threads, on a fixed pool of
 * workers with a bounded queue: when the queue is full a file is refused at once as {@link Busy},
 * and one that waits (and runs) longer than the timeout gives up as {@link Busy} too, so that an
 * overloaded server answers every request quickly instead of piling them up. Every file is handled
 * on its own: whatever one does to its decoder or the model, the others are not affected.
 */
public final class SegmentationJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SegmentationJobs.class);

  /** What became of one file. */
  public sealed interface Outcome {}

  /** The file was an image and the model segmented it. */
  public record Segmented(BufferedImage image, Segmentation segmentation) implements Outcome {}

  /** The file could not be used; {@code message} names it and says why, for the user. */
  public record Rejected(String message) implements Outcome {}

  /**
   * The server had no room for the file, or it waited past the timeout; {@code message} names the
   * file and says so, {@code retryAfter} is when trying again makes sense.
   */
  public record Busy(String message, Duration retryAfter) implements Outcome {}

  private final Segmenter segmenter;
  private final ImageLimits limits;
  private final PolypSegProperties.Inference settings;
  private final ThreadPoolExecutor workers;
  private final ExecutorService encoder;

  /** Default limits, one worker (results in upload order) and the default queue: for tests. */
  public SegmentationJobs(Segmenter segmenter) {
    this(segmenter, ImageLimits.DEFAULT, new PolypSegProperties.Inference(1, 0,
        PolypSegProperties.Inference.DEFAULTS.queueCapacity(),
        PolypSegProperties.Inference.DEFAULTS.timeout(),
        PolypSegProperties.Inference.DEFAULTS.retryAfter()));
  }

  public SegmentationJobs(Segmenter segmenter, ImageLimits limits,
      PolypSegProperties.Inference settings) {
    this.segmenter = segmenter;
    this.limits = limits;
    this.settings = settings;
    int n = settings.effectiveWorkers();
    // A SynchronousQueue when no waiting is allowed: ArrayBlockingQueue needs a capacity >= 1.
    this.workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS,
        settings.queueCapacity() > 0
            ? new ArrayBlockingQueue<>(settings.queueCapacity())
            : new java.util.concurrent.SynchronousQueue<>(),
        daemons("segmentation"), new ThreadPoolExecutor.AbortPolicy());
    this.encoder = Executors.newFixedThreadPool(2, daemons("png-encoder"));
  }

  /** The limits files are decoded within. */
  public ImageLimits limits() {
    return limits;
  }

  /** Images segmented at once. */
  public int workerCount() {
    return workers.getCorePoolSize();
  }

  /**
   * Queues a file; the future completes with its outcome, never exceptionally, at the latest when
   * the timeout has passed.
   */
  public CompletableFuture<Outcome> submit(String fileName, byte[] bytes) {
    return enqueue(fileName, () -> segmentSafely(fileName, bytes));
  }

  /**
   * Queues an image that is already decoded (a video frame) on the same workers and queue as the
   * uploaded files; completes like {@link #submit}.
   */
  public CompletableFuture<Outcome> submit(String name, BufferedImage image) {
    return enqueue(name, () -> segmentDecodedSafely(name, image));
  }

  private CompletableFuture<Outcome> enqueue(String fileName, Supplier<Outcome> work) {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    try {
      workers.execute(() -> {
        // The caller has given up (timeout): skip the work nobody waits for.
        if (!result.isDone()) {
          result.complete(work.get());
        }
      });
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(new Busy(fileName + ": the server is busy ("
          + workers.getQueue().size() + " images waiting); try again in "
          + retrySeconds() + " s", settings.retryAfter()));
    }
    return result.completeOnTimeout(new Busy(fileName + ": the server is busy; the image waited "
        + settings.timeout().toSeconds() + " s without being segmented; try again later",
        settings.retryAfter()), settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Decodes and segments on the calling thread. */
  public Outcome segmentNow(String fileName, byte[] bytes) {
    BufferedImage image;
    try {
      image = Images.readRgb(bytes, fileName, limits);
    } catch (ImageReadException e) {
      return new Rejected(e.getMessage());
    }
    Segmentation segmentation;
    try {
      segmentation = segmenter.segment(image);
    } catch (RuntimeException e) {
      log.error("Segmenting upload {} failed", UploadTag.of(bytes), e);
      return new Rejected(fileName + ": the model could not segment this image ("
          + e.getClass().getSimpleName() + "); the server log has the details under "
          + UploadTag.of(bytes));
    }
    return new Segmented(image, segmentation);
  }

  /** The model on a decoded image, with any failure kept to this one image. */
  private Outcome segmentDecodedSafely(String name, BufferedImage image) {
    try {
      return new Segmented(image, segmenter.segment(image));
    } catch (RuntimeException | Error e) {
      log.error("Segmenting {} failed", name, e);
      return new Rejected(name + ": the model could not segment this frame ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** {@link #segmentNow}, with any failure of the worker kept to this one file. */
  private Outcome segmentSafely(String fileName, byte[] bytes) {
    try {
      return segmentNow(fileName, bytes);
    } catch (RuntimeException | Error e) {
      // A programming error or the JVM running short: loud in the log, a clear answer to the
      // user, and the worker goes on with the next file.
      log.error("Upload {} failed unexpectedly", UploadTag.of(bytes), e);
      return new Rejected(fileName + ": the server could not process this image ("
          + e.getClass().getSimpleName() + "); the server log has the details under "
          + UploadTag.of(bytes));
    }
  }

  private long retrySeconds() {
    return RetryAfter.seconds(settings.retryAfter());
  }

  /**
   * Starts encoding a picture as PNG on a separate pool. The page needs two PNGs of every result
   * at once; encoding them while the result travels to the browser takes them off the path from
   * upload to overlay.
   */
  public CompletableFuture<byte[]> encodePng(Supplier<BufferedImage> picture) {
    return CompletableFuture.supplyAsync(() -> SegmentationImages.png(picture.get()), encoder);
  }

  @Override
  public void close() {
    workers.shutdownNow();
    encoder.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
