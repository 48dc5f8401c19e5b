package org.polypseg.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells PyTorch how many threads each inference may use, through the system properties DJL reads
 * when its engine starts. With several workers, each image on one or few threads beats every
 * image on all cores: the threads of concurrent images would only fight over the same cores.
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
    log.info("Inference: {} worker(s), PyTorch {} intra-op / {} inter-op thread(s) each, "
        + "queue of {}, timeout {} s", inference.effectiveWorkers(), System.getProperty(INTRA_OP),
        System.getProperty(INTER_OP), inference.queueCapacity(), inference.timeout().toSeconds());
  }
}
