package org.polypseg.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelSpec;
import org.polypseg.quantum.CircuitSpec;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * What the model page shows about the loaded model: its architecture, its circuit, how it was
 * trained, and the documents that sit beside it in the model folder.
 *
 * @param summary name, weights hash, backend, qubits, layers, input size
 * @param encoder "efficientnet_b0" or "mobilenet_v2" (ImageNet-pretrained) or "plain" (trained
 *     from scratch)
 * @param baseChannels channels of the first encoder stage of a plain U-Net (doubling at each stage)
 * @param depth down-sampling stages of the U-Net
 * @param mixer "quantum", or "classical" or "none" (the ablations)
 * @param flipAveraging whether each prediction averages the frame and its mirror image
 * @param entanglingPairs the CNOT pairs {control, target} of one entangling layer
 * @param circuitAngles trained rotation angles in radians, indexed as {@link CircuitSpec} documents
 *     ({@code (layer * qubits + qubit) * 2 + k}, k = 0 for RY, 1 for RX); empty when classical
 * @param training the training settings and outcome from {@code model.json}
 * @param modelCard the text of {@code MODEL_CARD.md} (Markdown), when the folder has one
 * @param trainingCurves the path of {@code training_curves.png}, when the folder has one
 * @param placement where the circuits (or the ablation's dense gates) sit: "bottleneck", or
 *     "decoder" (also one after each decoder stage)
 * @param circuits the trained circuits as configured (for their pictures and OpenQASM), the
 *     bottleneck's first; empty when the model has none
 * @param fieldOfView whether probabilities outside the endoscope's field of view are set to 0
 */
public record ModelOverview(
    ModelSummary summary,
    String encoder,
    int baseChannels,
    int depth,
    String mixer,
    boolean flipAveraging,
    List<int[]> entanglingPairs,
    double[] circuitAngles,
    Map<String, Object> training,
    Optional<String> modelCard,
    Optional<Path> trainingCurves,
    String placement,
    List<CircuitExport> circuits,
    boolean fieldOfView) {

  public static final String MODEL_CARD_FILE = "MODEL_CARD.md";
  public static final String TRAINING_CURVES_FILE = "training_curves.png";

  /** Reads the overview of a loaded model whose files are in {@code dir}. */
  static ModelOverview of(LoadedModel model, ModelSummary summary, Path dir) {
    ModelSpec spec = model.info().architecture();
    QuantumCircuitBlock circuit = model.network().circuit();
    List<int[]> pairs = new ArrayList<>();
    double[] angles = new double[0];
    if (circuit != null) {
      pairs.addAll(List.of(circuit.spec().entanglingPairs()));
      angles = circuit.weightValues();
    }
    return new ModelOverview(summary, spec.encoder(), spec.baseChannels(), spec.depth(), spec.mixer(),
        model.flipAveraging(),
        List.copyOf(pairs), angles,
        model.info().training() == null ? Map.of() : model.info().training(),
        readText(dir.resolve(MODEL_CARD_FILE)),
        Optional.of(dir.resolve(TRAINING_CURVES_FILE)).filter(Files::isRegularFile),
        spec.placement().label(), CircuitExport.all(model), model.fieldOfView());
  }

  /**
   * An overview without a configured circuit picture (the original circuit is drawn), at the
   * bottleneck.
   */
  public ModelOverview(ModelSummary summary, String encoder, int baseChannels, int depth,
      String mixer, boolean flipAveraging, List<int[]> entanglingPairs, double[] circuitAngles,
      Map<String, Object> training, Optional<String> modelCard, Optional<Path> trainingCurves) {
    this(summary, encoder, baseChannels, depth, mixer, flipAveraging, entanglingPairs,
        circuitAngles, training, modelCard, trainingCurves, ModelSpec.Circuit.BOTTLENECK, List.of(),
        true);
  }

  /** The bottleneck's circuit as configured, when the model has one. */
  public Optional<CircuitExport> circuit() {
    return circuits.stream().findFirst();
  }

  /** Whether circuits (or dense gates) also sit after the decoder stages. */
  public boolean decoderPlacement() {
    return !ModelSpec.Circuit.BOTTLENECK.equals(placement);
  }

  /** Whether the encoder is the ImageNet-pretrained MobileNetV2. */
  public boolean pretrainedEncoder() {
    return ModelSpec.MOBILENET_V2.equals(encoder);
  }

  /** Whether the encoder is the ImageNet-pretrained EfficientNet-B0. */
  public boolean efficientNetEncoder() {
    return ModelSpec.EFFICIENTNET_B0.equals(encoder);
  }

  /** Trainable angles of all circuits together (0 when classical). */
  public int trainableAngles() {
    return circuits.size() > 1 ? circuits.size() * circuitAngles.length : circuitAngles.length;
  }

  private static Optional<String> readText(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
