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
 * @param belowHalf images whose mean Dice over the thresholds is below 0.5 (the tail)
 * @param bySize the scores of the images grouped by the polyp's share of the frame
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
    int belowHalf,
    List<SizeBin> bySize,
    List<ImageScore> perImage) {

  /**
   * The size groups of {@link #bySize}, by the share of the frame the true mask covers: small and
   * flat polyps (under 1 %) are where models fail first.
   */
  public static final double[] SIZE_EDGES = {0.01, 0.03, 0.10};

  /**
   * @param range the group, e.g. "1-3 %"
   * @param images images in the group
   * @param mDice mean over these images of each one's mean Dice over the thresholds; null when
   *     the group is empty
   * @param diceAt05 mean Dice at 0.5 of these images; null when the group is empty
   */
  public record SizeBin(String range, int images, Double mDice, Double diceAt05) {}

  /** The groups of {@link #SIZE_EDGES} with their scores. */
  public static List<SizeBin> bySize(List<ImageScore> scores) {
    String[] names = {"under 1 %", "1-3 %", "3-10 %", "over 10 %"};
    java.util.ArrayList<SizeBin> bins = new java.util.ArrayList<>();
    for (int b = 0; b < names.length; b++) {
      double low = b == 0 ? Double.NEGATIVE_INFINITY : SIZE_EDGES[b - 1];
      double high = b == SIZE_EDGES.length ? Double.POSITIVE_INFINITY : SIZE_EDGES[b];
      List<ImageScore> in = scores.stream()
          .filter(s -> s.polypFraction() >= low && s.polypFraction() < high).toList();
      bins.add(new SizeBin(names[b], in.size(),
          in.isEmpty() ? null : in.stream().mapToDouble(ImageScore::dice).average().orElseThrow(),
          in.isEmpty() ? null
              : in.stream().mapToDouble(ImageScore::diceAt05).average().orElseThrow()));
    }
    return List.copyOf(bins);
  }

  /** @param name model name; @param sha256 of the weights file */
  public record ModelRef(String name, String sha256) {}

  /**
   * @param backend inference backend ("strange", "statevector", or "none" for a classical model)
   * @param qubits circuit qubits
   * @param layers circuit layers
   * @param circuitRuns circuit executions during this evaluation
   */
  public record QuantumRef(String backend, int qubits, int layers, long circuitRuns) {}

  /**
   * @param name image base name
   * @param dice mean Dice over the thresholds
   * @param iou mean IoU over the thresholds
   * @param diceAt05 Dice of the raw probabilities at 0.5
   * @param polypFraction the share of the frame the true mask covers
   */
  public record ImageScore(String name, double dice, double iou, double diceAt05,
      double polypFraction) {}
}
