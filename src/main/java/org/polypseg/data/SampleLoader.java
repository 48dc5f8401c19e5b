package org.polypseg.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;

/** Decodes image/mask pairs and resizes both together to the model's input size. */
public final class SampleLoader {

  private SampleLoader() {}

  /** Loads one pair; the mask is binarised (&gt; 128) after the same resize as the image. */
  public static PreparedSample load(SamplePair pair, int size) throws ImageReadException {
    BufferedImage image = Images.resize(Images.readRgb(pair.image()), size, size);
    BufferedImage mask = Images.resize(Images.readRgb(pair.mask()), size, size);
    int plane = size * size;
    int[] pixels = image.getRGB(0, 0, size, size, null, 0, size);
    byte[] rgb = new byte[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = pixels[i];
      rgb[i] = (byte) (p >> 16);
      rgb[plane + i] = (byte) (p >> 8);
      rgb[2 * plane + i] = (byte) p;
    }
    boolean[] truth = Images.binaryMask(mask);
    byte[] m = new byte[plane];
    for (int i = 0; i < plane; i++) {
      m[i] = (byte) (truth[i] ? 1 : 0);
    }
    return new PreparedSample(pair.name(), size, rgb, m);
  }

  /** Loads many pairs on all cores; {@code progress} is told each finished index. */
  public static List<PreparedSample> loadAll(List<SamplePair> pairs, int size, IntConsumer progress)
      throws ImageReadException {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<PreparedSample>> futures = new ArrayList<>();
      for (SamplePair pair : pairs) {
        futures.add(pool.submit(() -> load(pair, size)));
      }
      List<PreparedSample> samples = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        samples.add(futures.get(i).get());
        progress.accept(i);
      }
      return samples;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ImageReadException ire) {
        throw ire;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading images", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
