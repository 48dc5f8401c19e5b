package org.polypseg.segment;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many threads PyTorch gives each inference. At start-up, the default for every thread
 * through the system properties DJL reads when its engine starts (settings given on the command
 * line, {@code -Dai.djl.pytorch.num_threads=...}, win). Then, per batch, the thread that runs it
 * says how many cores it may use: PyTorch's intra-op thread count is kept per calling thread
 * (OpenMP's), so two workers can run one batch on every core and, later, a batch each on one
 * core, without touching each other.
 *
 * <p>Measured on the 2-core machine (EfficientNet-B0 model, 352², one image): one thread 100-108
 * ms, two threads 85-95 ms alone, but 330-370 ms when another process wants a core, as the two
 * threads wait for each other at every operator; two workers of one thread each: 19.4 images/s
 * against 10.5 for one worker of two.
 *
 * <p>Inferences on more than one core all run on one thread ({@link #onCores}). PyTorch's OpenMP
 * (libgomp) gives every Java thread that once ran a parallel operator a team of worker threads
 * for life, and its workers wait for the next operator by spinning only while the process has no
 * more such threads than cores; past that they sleep after each operator and are woken for the
 * next, hundreds of times a pass. Measured on the 2-core machine (EfficientNet-B0, one image, two
 * threads): 55 ms with one team, 76 ms once a second thread had run one two-thread inference, and
 * 88-98 ms in the server whose two runners had each run one.
 */
public final class TorchThreads {

  static final String INTRA_OP = "ai.djl.pytorch.num_threads";
  static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

  private static final Logger log = LoggerFactory.getLogger(TorchThreads.class);
  private static final ThreadLocal<Integer> CURRENT = new ThreadLocal<>();

  private TorchThreads() {}

  /** Must run before the first model is loaded: the engine reads the properties once. */
  static void configure(PolypSegProperties.Inference inference) {
    if (System.getProperty(INTRA_OP) == null) {
      System.setProperty(INTRA_OP, Integer.toString(inference.effectiveTorchThreads()));
    }
    if (System.getProperty(INTER_OP) == null) {
      // One image is one chain of operators: nothing for inter-op threads to run side by side.
      System.setProperty(INTER_OP, "1");
    }
    log.info("Inference: {} worker(s), each a batch at once of up to {} image(s), batch wait {} ms;"
        + " PyTorch {} intra-op thread(s) for a batch alone in the server, {} when others run or"
        + " wait, {} inter-op; queue of {}, {} per user, timeout {} s",
        inference.effectiveWorkers(), inference.batchSize(), inference.batchWait().toMillis(),
        inference.loneBatchThreads(), inference.effectiveTorchThreads(),
        System.getProperty(INTER_OP), inference.queueCapacity(), inference.perUserLimit(),
        inference.timeout().toSeconds());
  }

  /**
   * Runs {@code work} (inferences) on {@code threads} cores: on the calling thread when that is
   * one, else on the one thread that runs every inference on more than one core, waiting for it.
   * An exception of {@code work} is thrown here as it was thrown there.
   */
  public static <T> T onCores(int threads, Supplier<T> work) {
    if (threads == 1) {
      useOnThisThread(1);
      return work.get();
    }
    Future<T> result = Wide.THREAD.submit(() -> {
      useOnThisThread(threads);
      return work.get();
    });
    try {
      return result.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException r -> throw r;
        case Error err -> throw err;
        default -> throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an inference", e);
    }
  }

  /** The thread of {@link #onCores}, started on first use (a command line run never needs it). */
  private static final class Wide {
    static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "inference-all-cores");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Lets the inferences that the calling thread runs from now on use {@code threads} cores. Cheap
   * when nothing changes. The PyTorch engine must be loaded (a model is).
   */
  public static void useOnThisThread(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    Integer current = CURRENT.get();
    if (current == null || current != threads) {
      JniUtils.setNumThreads(threads);
      CURRENT.set(threads);
    }
  }
}
