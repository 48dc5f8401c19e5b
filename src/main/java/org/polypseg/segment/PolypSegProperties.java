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
   * The inference pool, under {@code polypseg.inference.*}.
   *
   * @param workers images segmented at once; 0 = one per CPU core (measured the fastest on 2
   *     cores: see the README)
   * @param torchThreads PyTorch intra-op threads per image; 0 = cores / workers (at least 1)
   * @param queueCapacity images that may wait for a worker; past that the API answers 503 and the
   *     page says the server is busy
   * @param timeout longest an image may wait and run before its request gives up
   * @param retryAfter what a refused client is told to wait ({@code Retry-After}), rounded up to
   *     whole seconds
   */
  public record Inference(
      @DefaultValue("0") int workers,
      @DefaultValue("0") int torchThreads,
      @DefaultValue("16") int queueCapacity,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue("2s") Duration retryAfter) {

    public static final Inference DEFAULTS =
        new Inference(0, 0, 16, Duration.ofSeconds(30), Duration.ofSeconds(2));

    public Inference {
      if (workers < 0 || torchThreads < 0 || queueCapacity < 0) {
        throw new IllegalArgumentException(
            "polypseg.inference.workers, torch-threads and queue-capacity must be >= 0");
      }
      if (timeout.isNegative() || timeout.isZero() || retryAfter.isNegative()) {
        throw new IllegalArgumentException("polypseg.inference.timeout must be positive");
      }
    }

    /** Workers to run: the setting, or one per core. */
    public int effectiveWorkers() {
      return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /** PyTorch intra-op threads: the setting, or the cores shared among the workers. */
    public int effectiveTorchThreads() {
      return torchThreads > 0
          ? torchThreads
          : Math.max(1, Runtime.getRuntime().availableProcessors() / effectiveWorkers());
    }
  }
}
