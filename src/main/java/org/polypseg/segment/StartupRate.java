package org.polypseg.segment;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The server's inference rates measured at start-up, the way the queue runs batches: one image
 * alone on every core (what a lone user waits for), one batch on every core, and every worker
 * running its own batch on its share of the cores at once. The best of the two batched rates is
 * the machine's "batched rate", which the load test compares the server's throughput under load
 * with. Each figure is the best of a few runs, so that one hiccup of a shared machine does not
 * set the bar.
 *
 * @param loneMs one image alone, ms
 * @param oneBatchRate images/s of one batch of {@code batchSize} on every core
 * @param sideBySideRate images/s of every worker running a batch at once
 */
record StartupRate(double loneMs, double oneBatchRate, double sideBySideRate) {

  private static final int ROUNDS = 2;

  /** The better of the two batched rates. */
  double bestRate() {
    return Math.max(oneBatchRate, sideBySideRate);
  }

  static StartupRate measure(SegmentationService service, PolypSegProperties.Inference settings)
      throws Exception {
    BufferedImage blank = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    float[] input = service.input(blank);
    int batch = settings.batchSize();
    int workers = settings.effectiveWorkers();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "startup-rate");
      t.setDaemon(true);
      return t;
    });
    try {
      double lone = Double.MAX_VALUE;
      double one = 0;
      double side = 0;
      int each = Math.max(1, batch / workers);
      for (int round = 0; round < ROUNDS; round++) {
        // On the thread the server runs a batch alone on (TorchThreads.onCores).
        lone = Math.min(lone, TorchThreads.onCores(settings.loneBatchThreads(),
            () -> timeMs(service, blank, input, 1)));
        double ms = TorchThreads.onCores(settings.loneBatchThreads(),
            () -> timeMs(service, blank, input, batch));
        one = Math.max(one, batch * 1000 / ms);
        if (workers > 1) {
          List<Future<Double>> runs = new ArrayList<>();
          long start = System.nanoTime();
          for (int w = 0; w < workers; w++) {
            runs.add(pool.submit(() -> {
              TorchThreads.useOnThisThread(settings.effectiveTorchThreads());
              return timeMs(service, blank, input, each);
            }));
          }
          for (Future<Double> run : runs) {
            run.get();
          }
          side = Math.max(side, workers * each * 1e9 / (System.nanoTime() - start));
        }
      }
      return new StartupRate(lone, one, side);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double timeMs(SegmentationService service, BufferedImage image, float[] input,
      int n) {
    long start = System.nanoTime();
    service.segmentBatch(Collections.nCopies(n, image), Collections.nCopies(n, input));
    return (System.nanoTime() - start) / 1e6;
  }

  /** The log line; {@code scripts/loadtest.sh} reads "batched rate N images/s" from it. */
  String describe(PolypSegProperties.Inference settings) {
    return String.format(Locale.ROOT, "1 image alone %.0f ms (%.1f images/s); a batch of %d on %d "
        + "thread(s) %.1f images/s; %d workers side by side on %d thread(s) each %.1f images/s "
        + "(batched rate %.1f images/s)", loneMs, 1000 / loneMs, settings.batchSize(),
        settings.loneBatchThreads(), oneBatchRate, settings.effectiveWorkers(),
        settings.effectiveTorchThreads(), sideBySideRate, bestRate());
  }
}
