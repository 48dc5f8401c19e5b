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
 * @param encoder "mobilenet_v2" for the ImageNet-pretrained MobileNetV2 encoder, "plain" for the
 *     U-Net trained from scratch (also what a model.json without this field means)
 */
public record ModelSpec(
    int baseChannels, int depth, int inputSize, String mixer, int qubits, int layers,
    String encoder) {

  public static final String QUANTUM = "quantum";
  public static final String CLASSICAL = "classical";
  public static final String NO_MIXER = "none";
  public static final String PLAIN = "plain";
  public static final String MOBILENET_V2 = "mobilenet_v2";

  public ModelSpec {
    if (!QUANTUM.equals(mixer) && !CLASSICAL.equals(mixer) && !NO_MIXER.equals(mixer)) {
      throw new IllegalArgumentException("mixer must be quantum, classical or none, was " + mixer);
    }
    if (encoder == null) {
      encoder = PLAIN; // models saved before the pretrained encoder existed
    }
    if (!PLAIN.equals(encoder) && !MOBILENET_V2.equals(encoder)) {
      throw new IllegalArgumentException("encoder must be mobilenet_v2 or plain, was " + encoder);
    }
    if (MOBILENET_V2.equals(encoder)) {
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

  /** The shipped configuration: MobileNetV2 encoder at 352², 4 qubits, 2 layers. */
  public static ModelSpec defaults() {
    return mobileNet(352, QUANTUM, 4, 2);
  }

  public boolean quantum() {
    return QUANTUM.equals(mixer);
  }

  public boolean pretrainedEncoder() {
    return MOBILENET_V2.equals(encoder);
  }

  /** How input pixels are scaled for this encoder. */
  public ImageTensors.Normalisation normalisation() {
    return pretrainedEncoder()
        ? ImageTensors.Normalisation.SIGNED_UNIT
        : ImageTensors.Normalisation.IMAGENET_MEAN_STD;
  }

  /** Channels at encoder stage {@code stage} of the plain U-Net (0 = first; {@code depth} = bottleneck). */
  public int channels(int stage) {
    return baseChannels << stage;
  }
}
