package org.polypseg.archive;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.segment.SegmentationService;

/**
 * The model of this JVM (a Spark executor, or the driver in local mode): loaded by the first task
 * that needs it and shared by every later task and every task running beside it, never per frame
 * or per task. It stays loaded for the executor's life, as a connection pool would.
 */
final class ExecutorModel {

  static final String INTRA_OP = "ai.djl.pytorch.num_threads";
  static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

  private static final Map<String, SegmentationService> LOADED = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ExecutorModel() {}

  /**
   * The model, loaded on first use. PyTorch gets as many threads as Spark gives each task cores
   * ({@code spark.task.cpus}): Spark already runs one task per core, and more threads per task
   * would only fight over the same cores. Settings given with -D win.
   */
  static SegmentationService get(ArchiveSettings settings, int taskCpus) {
    return LOADED.computeIfAbsent(settings.modelDir() + "|" + settings.backend(), key -> {
      if (System.getProperty(INTRA_OP) == null) {
        System.setProperty(INTRA_OP, Integer.toString(Math.max(1, taskCpus)));
      }
      if (System.getProperty(INTER_OP) == null) {
        System.setProperty(INTER_OP, "1");
      }
      try {
        SegmentationService service = new SegmentationService(ModelStore.load(
            Path.of(settings.modelDir()), CircuitBackend.named(settings.backend())));
        LOADS.incrementAndGet();
        return service;
      } catch (ModelLoadException e) {
        // The driver checked the folder; an executor that cannot read it has another disk.
        throw new IllegalStateException("this executor cannot load the model: " + e.getMessage(),
            e);
      }
    });
  }

  /** Models loaded by this JVM so far. */
  static int loads() {
    return LOADS.get();
  }
}
