package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes uploaded files and segments them off the request and UI threads.
 *
 * <p>One worker thread: PyTorch already spreads one image over every core, so images segmented
 * side by side would only slow each other down; a queue keeps each answer as early as it can be.
 */
public final class SegmentationJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SegmentationJobs.class);

  /** What became of one file. */
  public sealed interface Outcome {}

  /** The file was an image and the model segmented it. */
  public record Segmented(BufferedImage image, Segmentation segmentation) implements Outcome {}

  /** The file could not be used; {@code message} names it and says why, for the user. */
  public record Rejected(String message) implements Outcome {}

  private final Segmenter segmenter;
  private final ExecutorService worker;
  private final ExecutorService encoder;

  public SegmentationJobs(Segmenter segmenter) {
    this.segmenter = segmenter;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "segmentation");
      t.setDaemon(true);
      return t;
    });
    this.encoder = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "png-encoder");
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues a file; the future completes with its outcome and never exceptionally. */
  public CompletableFuture<Outcome> submit(String fileName, byte[] bytes) {
    return CompletableFuture.supplyAsync(() -> segmentNow(fileName, bytes), worker);
  }

  /** Decodes and segments on the calling thread. */
  public Outcome segmentNow(String fileName, byte[] bytes) {
    BufferedImage image;
    try {
      image = Images.readRgb(bytes, fileName);
    } catch (ImageReadException e) {
      return new Rejected(e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      // Decoders can fail in ways of their own on hostile files; that is the file's fault.
      log.warn("Decoding {} failed", fileName, e);
      return new Rejected(fileName + ": not a readable image (" + e.getClass().getSimpleName() + ")");
    }
    Segmentation segmentation;
    try {
      segmentation = segmenter.segment(image);
    } catch (RuntimeException e) {
      log.error("Segmenting {} failed", fileName, e);
      return new Rejected(fileName + ": the model could not segment this image (" + e.getMessage()
          + "); the server log has the details");
    }
    return new Segmented(image, segmentation);
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
    worker.shutdownNow();
    encoder.shutdownNow();
  }
}
