package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.TorchThreads;

/**
 * The model as the web layer sees it: an RGB image in, a segmentation out. The server runs it in
 * two steps, so that the network sees several images at once: {@link #prepare} on any thread as
 * soon as an image is read, then {@link #segmentBatch} on the thread that runs the network.
 */
@FunctionalInterface
public interface Segmenter {

  Segmentation segment(BufferedImage image);

  /**
   * An image with the work done before its turn in the model.
   *
   * @param image the image as read
   * @param input the network's input made from it, or null when the segmenter makes none
   */
  record Prepared(BufferedImage image, float[] input) {}

  /** What can be done before the image's turn (resizing, normalising); by default nothing. */
  default Prepared prepare(BufferedImage image) {
    return new Prepared(image, null);
  }

  /**
   * Segments images in one run of the model, in their order; by default one after another. A
   * failure fails the whole call (the caller then tries each image alone).
   */
  default List<Segmentation> segmentBatch(List<Prepared> images) {
    List<Segmentation> out = new ArrayList<>(images.size());
    for (Prepared p : images) {
      out.add(segment(p.image()));
    }
    return out;
  }

  /**
   * How many cores the next {@link #segmentBatch} calls on this thread may use (PyTorch's
   * intra-op threads of the calling thread); by default ignored.
   */
  default void useThreads(int threads) {}

  /**
   * The shipped model, batching: several images in one forward pass, on as many cores as the
   * calling thread last asked for with {@link #useThreads} (one until it asks).
   */
  static Segmenter batching(SegmentationService service) {
    ThreadLocal<Integer> threads = ThreadLocal.withInitial(() -> 1);
    return new Segmenter() {
      @Override
      public Segmentation segment(BufferedImage image) {
        return TorchThreads.onCores(threads.get(), () -> service.segment(image));
      }

      @Override
      public Prepared prepare(BufferedImage image) {
        return new Prepared(image, service.input(image));
      }

      @Override
      public void useThreads(int n) {
        if (n < 1) {
          throw new IllegalArgumentException("threads must be at least 1, was " + n);
        }
        threads.set(n);
      }

      @Override
      public List<Segmentation> segmentBatch(List<Prepared> images) {
        return TorchThreads.onCores(threads.get(), () -> service.segmentBatch(
            images.stream().map(Prepared::image).toList(),
            images.stream().map(Prepared::input).toList()));
      }
    };
  }
}
