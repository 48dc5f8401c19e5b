package org.polypseg.eval;

import java.util.List;

/**
 * The outcome of an evaluation run, written as JSON with exactly these keys.
 *
 * @param images number of images scored
 * @param mDice PraNet mean Dice (mean over 256 thresholds of the mean over images)
 * @param mIoU PraNet mean IoU
 * @param maxDice the best single threshold's mean Dice
 * @param diceAt05 mean Dice of the raw probabilities at 0.5
 * @param iouAt05 mean IoU of the raw probabilities at 0.5
 * @param meanInferenceMs mean wall time per image of resize + network + resize back, ms
 * @param model the model scored
 * @param quantum the circuit configuration used
 * @param flipAveraging whether each map averaged the image's and its mirror image's predictions
 * @param fieldOfView whether probabilities outside the endoscope's field of view were set to 0
 * @param inputSize the side each image was resized to for the network
 * @param perImage each image's mean Dice and IoU over the 256 thresholds
 */
public record EvalResult(
    int images,
    double mDice,
    double mIoU,
    double maxDice,
    double diceAt05,
    double iouAt05,
    double meanInferenceMs,
    ModelRef model,
    QuantumRef quantum,
    boolean flipAveraging,
    boolean fieldOfView,
    int inputSize,
    List<ImageScore> perImage) {

  /** @param name model name; @param sha256 of the weights file */
  public record ModelRef(String name, String sha256) {}

  /**
   * @param backend inference backend ("strange", "statevector", or "none" for a classical model)
   * @param qubits circuit qubits
   * @param layers circuit layers
   * @param circuitRuns circuit executions during this evaluation
   */
  public record QuantumRef(String backend, int qubits, int layers, long circuitRuns) {}

  /** @param name image base name; @param dice mean over thresholds; @param iou mean over thresholds */
  public record ImageScore(String name, double dice, double iou) {}
}
