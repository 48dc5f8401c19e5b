package org.polypseg.model;

import org.polypseg.quantum.CircuitSpec;
import org.polypseg.quantum.Encoding;
import org.polypseg.quantum.Entangler;
import org.polypseg.quantum.Observables;

/**
 * The architecture of a {@link SegmentationNetwork}: everything needed to rebuild it before loading
 * weights.
 *
 * @param baseChannels channels of the first encoder stage of the plain U-Net; each deeper stage
 *     doubles them (unused by the MobileNetV2 encoder)
 * @param depth number of down-sampling stages (the bottleneck is at 1/2^depth of the input); 5 for
 *     the MobileNetV2 encoder
 * @param inputSize side of the square input in pixels (images are resized to it)
 * @param mixer "quantum" for the variational circuit at the bottleneck, "classical" for the ablation
 *     (a dense layer of the same width), "none" for no mixer at all (identity)
 * @param qubits n, the width of the bottleneck mixer
 * @param layers L, the circuit's trainable entangling layers
 * @param encoder "efficientnet_b0" or "mobilenet_v2" for an ImageNet-pretrained encoder, "plain"
 *     for the U-Net trained from scratch (also what a model.json without this field means)
 * @param circuit the circuit's entangler, encoding, observables and placement; null (a model.json
 *     without it) means the original circuit at the bottleneck, {@link Circuit#ORIGINAL}
 */
public record ModelSpec(
    int baseChannels, int depth, int inputSize, String mixer, int qubits, int layers,
    String encoder, Circuit circuit) {

  public static final String QUANTUM = "quantum";
  public static final String CLASSICAL = "classical";
  public static final String NO_MIXER = "none";
  public static final String PLAIN = "plain";
  public static final String MOBILENET_V2 = "mobilenet_v2";
  public static final String EFFICIENTNET_B0 = "efficientnet_b0";

  public ModelSpec {
    if (!QUANTUM.equals(mixer) && !CLASSICAL.equals(mixer) && !NO_MIXER.equals(mixer)) {
      throw new IllegalArgumentException("mixer must be quantum, classical or none, was " + mixer);
    }
    if (encoder == null) {
      encoder = PLAIN; // models saved before the pretrained encoder existed
    }
    if (!PLAIN.equals(encoder) && !MOBILENET_V2.equals(encoder) && !EFFICIENTNET_B0.equals(encoder)) {
      throw new IllegalArgumentException("encoder must be efficientnet_b0, mobilenet_v2 or plain, was " + encoder);
    }
    if (!PLAIN.equals(encoder)) {
      depth = 5;
    }
    if (inputSize % (1 << depth) != 0) {
      throw new IllegalArgumentException(
          "inputSize " + inputSize + " must be divisible by 2^depth = " + (1 << depth));
    }
    circuit = circuit == null ? Circuit.ORIGINAL : circuit;
    if (NO_MIXER.equals(mixer) && !Circuit.BOTTLENECK.equals(circuit.placement())) {
      throw new IllegalArgumentException("placement " + circuit.placement()
          + " needs a mixer to place (quantum, or classical for the ablation); mixer none has none");
    }
    if (QUANTUM.equals(mixer)) {
      if (qubits < 2 || qubits > CircuitSpec.MAX_QUBITS) {
        throw new IllegalArgumentException("qubits " + qubits
            + " is out of range: allowed 2 to " + CircuitSpec.MAX_QUBITS + " for the circuit");
      }
      if (layers < 1 || layers > CircuitSpec.MAX_LAYERS) {
        throw new IllegalArgumentException("layers " + layers
            + " is out of range: allowed 1 to " + CircuitSpec.MAX_LAYERS + " for the circuit");
      }
    }
  }

  /** A network with the original circuit (ring, RY encoding, ⟨Z⟩ of every qubit, bottleneck). */
  public ModelSpec(int baseChannels, int depth, int inputSize, String mixer, int qubits, int layers,
      String encoder) {
    this(baseChannels, depth, inputSize, mixer, qubits, layers, encoder, null);
  }

  /**
   * How the circuit is built and where it sits, as {@code model.json} records it (lower-case
   * names; see {@link Entangler}, {@link Encoding}, {@link Observables}). A field left out means
   * the original circuit's choice.
   *
   * @param entangler "ring" (original), "line" or "all-to-all"
   * @param encoding "ry" (original), "rx" or "reupload"
   * @param observables "z" (original), "zz" or "z+zz"
   * @param placement where the circuits sit ({@link CircuitPlacement}): "bottleneck" (original),
   *     or "decoder": also one circuit of the same shape gating each decoder stage
   */
  public record Circuit(String entangler, String encoding, String observables, String placement) {

    public static final String BOTTLENECK = "bottleneck";

    /** The circuit every model had before the circuit became configurable. */
    public static final Circuit ORIGINAL = new Circuit(null, null, null, null);

    public Circuit {
      entangler = Entangler.parse(entangler == null ? Entangler.RING.label() : entangler).label();
      encoding = Encoding.parse(encoding == null ? Encoding.RY.label() : encoding).label();
      observables =
          Observables.parse(observables == null ? Observables.Z.label() : observables).label();
      placement = CircuitPlacement.parse(placement == null ? BOTTLENECK : placement).label();
    }

    /** The same circuit at another place. */
    public Circuit withPlacement(CircuitPlacement newPlacement) {
      return new Circuit(entangler, encoding, observables, newPlacement.label());
    }
  }

  /** Where the circuits (or, in the ablations, the dense gates) sit. */
  public CircuitPlacement placement() {
    return CircuitPlacement.parse(circuit.placement());
  }

  /**
   * The circuit this spec describes (quantum mixer only).
   *
   * @throws IllegalArgumentException when the circuit cannot be built, naming the value and range
   */
  public CircuitSpec circuitSpec() {
    return new CircuitSpec(qubits, layers, Entangler.parse(circuit.entangler()),
        Encoding.parse(circuit.encoding()), Observables.parse(circuit.observables()));
  }

  /** The same network with another circuit configuration. */
  public ModelSpec withCircuit(Circuit newCircuit) {
    return new ModelSpec(baseChannels, depth, inputSize, mixer, qubits, layers, encoder, newCircuit);
  }

  /** A plain (from-scratch) U-Net. */
  public ModelSpec(int baseChannels, int depth, int inputSize, String mixer, int qubits, int layers) {
    this(baseChannels, depth, inputSize, mixer, qubits, layers, PLAIN);
  }

  /** The hybrid U-Net on the pretrained MobileNetV2 encoder. */
  public static ModelSpec mobileNet(int inputSize, String mixer, int qubits, int layers) {
    return new ModelSpec(0, 5, inputSize, mixer, qubits, layers, MOBILENET_V2);
  }

  /** The hybrid U-Net on the pretrained EfficientNet-B0 encoder. */
  public static ModelSpec efficientNet(int inputSize, String mixer, int qubits, int layers) {
    return new ModelSpec(0, 5, inputSize, mixer, qubits, layers, EFFICIENTNET_B0);
  }

  /** The shipped configuration: MobileNetV2 encoder at 352², 4 qubits, 2 layers. */
  public static ModelSpec defaults() {
    return mobileNet(352, QUANTUM, 4, 2);
  }

  public boolean quantum() {
    return QUANTUM.equals(mixer);
  }

  /** An ImageNet-pretrained encoder (EfficientNet-B0 or MobileNetV2), not the plain U-Net's. */
  public boolean pretrainedEncoder() {
    return !PLAIN.equals(encoder);
  }

  /** A readable name of the encoder, for pages, reports and the CLI. */
  public String encoderName() {
    return switch (encoder) {
      case EFFICIENTNET_B0 -> "EfficientNet-B0";
      case MOBILENET_V2 -> "MobileNetV2";
      default -> "plain";
    };
  }

  /** How input pixels are scaled for this encoder. */
  public ImageTensors.Normalisation normalisation() {
    return MOBILENET_V2.equals(encoder)
        ? ImageTensors.Normalisation.SIGNED_UNIT
        : ImageTensors.Normalisation.IMAGENET_MEAN_STD;
  }

  /** Channels at encoder stage {@code stage} of the plain U-Net (0 = first; {@code depth} = bottleneck). */
  public int channels(int stage) {
    return baseChannels << stage;
  }
}
