package org.polypseg.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells PyTorch how many threads each inference may use, through the system properties DJL reads
 * when its engine starts. By default one batch runs at a time on every core, so that a lone image
 * gets the whole machine; with several workers the cores are shared among them, since the threads
 * of concurrent batches would only fight over the same cores.
 * Settings given on the command line ({@code -Dai.djl.pytorch.num_threads=...}) win.
 */
final class TorchThreads {

  static final String INTRA_OP = "ai.djl.pytorch.num_threads";
  static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

  private static final Logger log = LoggerFactory.getLogger(TorchThreads.class);

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
    log.info("Inference: {} batch(es) at once of up to {} image(s), batch wait {} ms, PyTorch {} "
        + "intra-op / {} inter-op thread(s) each; queue of {}, {} per user, timeout {} s",
        inference.effectiveWorkers(), inference.batchSize(), inference.batchWait().toMillis(),
        System.getProperty(INTRA_OP), System.getProperty(INTER_OP), inference.queueCapacity(),
        inference.perUserLimit(), inference.timeout().toSeconds());
  }
}
