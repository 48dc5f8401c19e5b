package org.polypseg.model;

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
 */
public record ModelSpec(
    int baseChannels, int depth, int inputSize, String mixer, int qubits, int layers,
    String encoder) {

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
