package org.polypseg.segment;

import java.nio.file.Path;
import java.time.Duration;
import org.polypseg.image.ImageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The application's settings, under {@code polypseg.*} in {@code application.yaml} (or as
 * {@code --polypseg.model-dir=...} on the command line).
 *
 * @param modelDir folder with {@code model.json} and {@code weights.params}; also where the model
 *     page looks for {@code MODEL_CARD.md} and {@code training_curves.png}
 * @param quantumBackend circuit simulator used for inference: "strange" or "statevector"
 * @param maxImageSize largest image (or mask) file accepted by the page and the API
 * @param maxFiles most images one page upload may hold at once
 * @param maxImagePixels largest width x height accepted, pixels; read from the file's header
 *     before anything is decoded
 * @param inference how many images are segmented at once and how many may wait
 * @param sampleFrames a folder of colonoscopy frames (e.g. Kvasir-SEG's {@code images/}) from which
 *     the page's "Try a sample frame" takes one at random; empty (the default): no such button
 */
@ConfigurationProperties("polypseg")
public record PolypSegProperties(
    @DefaultValue("models") Path modelDir,
    @DefaultValue("strange") String quantumBackend,
    @DefaultValue("20MB") DataSize maxImageSize,
    @DefaultValue("50") int maxFiles,
    @DefaultValue("40000000") long maxImagePixels,
    @DefaultValue Inference inference,
    @DefaultValue("") String sampleFrames) {

  @ConstructorBinding
  public PolypSegProperties {}

  /** The defaults for everything but the four settings the page and the model files use. */
  public PolypSegProperties(Path modelDir, String quantumBackend, DataSize maxImageSize,
      int maxFiles) {
    this(modelDir, quantumBackend, maxImageSize, maxFiles, 40_000_000L, Inference.DEFAULTS, "");
  }

  /** The upload limits, for the decoder. */
  public ImageLimits imageLimits() {
    return new ImageLimits(maxImageSize.toBytes(), maxImagePixels);
  }

  /**
   * How images reach the model, under {@code polypseg.inference.*}: a fair queue across users and
   * dynamic batching (see the README's "Serving"). Every out-of-range value stops the start-up
   * with a message that names the setting and its allowed range.
   *
   * @param workers batches run at once; 0 = one per core (a lone image gets every core; images
   *     that queue are shared among the workers, one core each)
   * @param torchThreads PyTorch intra-op threads per batch; 0 = every core for a batch alone in
   *     the server, cores / workers (at least 1) when others run or wait
   * @param queueCapacity images the server holds at once, all users together: on their way to the
   *     model, waiting or being segmented; past that the API answers 503 and the page says the
   *     server is busy
   * @param perUserLimit of these, the images one user (one address when anonymous) may hold;
   *     past that the API answers 429 with Retry-After. A user alone gets the whole machine
   *     below it; no user can fill the queue on their own
   * @param batchSize most images in one run of the network
   * @param batchWait longest a batch waits for images already on their way (being read, or from a
   *     user whose image was in the batch before), so that it runs fuller and fairer; a lone image
   *     with nothing else in flight never waits; 0 = never wait. Less than {@code timeout}
   * @param timeout longest an image may wait and run before its request gives up
   * @param retryAfter what a refused client is told to wait ({@code Retry-After}), rounded up to
   *     whole seconds
   */
  public record Inference(
      @DefaultValue("0") int workers,
      @DefaultValue("0") int torchThreads,
      @DefaultValue("64") int queueCapacity,
      @DefaultValue("16") int perUserLimit,
      @DefaultValue("8") int batchSize,
      @DefaultValue("50ms") Duration batchWait,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue("2s") Duration retryAfter) {

    /** Upper bounds of the settings: beyond them a value is a typo, not a choice. */
    static final int MAX_WORKERS = 64;
    static final int MAX_QUEUE = 10_000;
    static final int MAX_BATCH = 64;

    public static final Inference DEFAULTS = new Inference(0, 0, 64, 16, 8,
        Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(2));

    public Inference {
      between("workers", workers, 0, MAX_WORKERS, " (0 = one per core)");
      between("torch-threads", torchThreads, 0, 1024,
          " (0 = every core for a lone batch, cores / workers otherwise)");
      between("queue-capacity", queueCapacity, 1, MAX_QUEUE, "");
      between("per-user-limit", perUserLimit, 1, queueCapacity,
          " (at most polypseg.inference.queue-capacity)");
      between("batch-size", batchSize, 1, MAX_BATCH, "");
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("polypseg.inference.timeout must be more than 0 (was "
            + timeout + ")");
      }
      if (batchWait == null || batchWait.isNegative() || batchWait.compareTo(timeout) >= 0) {
        throw new IllegalArgumentException("polypseg.inference.batch-wait must be from 0 to less "
            + "than polypseg.inference.timeout (" + timeout.toMillis() + " ms); was "
            + (batchWait == null ? "empty" : batchWait.toMillis() + " ms"));
      }
      if (retryAfter == null || retryAfter.isNegative()) {
        throw new IllegalArgumentException("polypseg.inference.retry-after must be 0 or more (was "
            + retryAfter + ")");
      }
    }

    private static void between(String name, int value, int min, int max, String note) {
      if (value < min || value > max) {
        throw new IllegalArgumentException("polypseg.inference." + name + " must be from " + min
            + " to " + max + note + "; was " + value);
      }
    }

    /** Batches run at once: the setting, or one per core. */
    public int effectiveWorkers() {
      return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /** PyTorch intra-op threads of a batch alone in the server: the setting, or every core. */
    public int loneBatchThreads() {
      return torchThreads > 0 ? torchThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * PyTorch intra-op threads of a batch while others run or wait: the setting, or the cores
     * shared among the workers.
     */
    public int effectiveTorchThreads() {
      return torchThreads > 0
          ? torchThreads
          : Math.max(1, Runtime.getRuntime().availableProcessors() / effectiveWorkers());
    }

    /** These settings with other workers and threads: for tests and tools. */
    public Inference withWorkers(int newWorkers, int newTorchThreads) {
      return new Inference(newWorkers, newTorchThreads, queueCapacity, perUserLimit, batchSize,
          batchWait, timeout, retryAfter);
    }

    /** These settings with another queue: for tests and tools. */
    public Inference withQueue(int capacity, int perUser) {
      return new Inference(workers, torchThreads, capacity, perUser, batchSize, batchWait,
          timeout, retryAfter);
    }

    /** These settings with another batching: for tests and tools. */
    public Inference withBatching(int size, Duration wait) {
      return new Inference(workers, torchThreads, queueCapacity, perUserLimit, size, wait,
          timeout, retryAfter);
    }

    /** These settings with other times: for tests and tools. */
    public Inference withTimes(Duration newTimeout, Duration newRetryAfter) {
      return new Inference(workers, torchThreads, queueCapacity, perUserLimit, batchSize,
          batchWait, newTimeout, newRetryAfter);
    }
  }
}
