package org.polypseg.model.mobilenet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * ImageNet-pretrained MobileNetV2 1.0 weights, read from Coral's public
 * {@value #EXPECTED_FILE} (google-coral/test_data, int8 per-channel post-training-quantized) and
 * dequantized to float32 in PyTorch/DJL layouts.
 *
 * <p>The 106 arrays are named and ordered as the shared {@code weights.npz}:
 * {@code stem.conv}, {@code blocks.N.expand} (N = 1..16; block 0 has no expand),
 * {@code blocks.N.depthwise}, {@code blocks.N.project} (N = 0..16), {@code head.conv} and
 * {@code classifier}, each {@code .weight} then {@code .bias}. Layouts: conv {@code [out, in, kH,
 * kW]}, depthwise {@code [C, 1, kH, kW]} (groups = C), classifier {@code [1001, 1280]} (dense),
 * biases {@code [out]}. Batch norm is folded into every conv, so every layer has a bias.
 *
 * <p>The layers are found by graph order: the file's CONV_2D / DEPTHWISE_CONV_2D operators (and
 * the final classifier) are matched one by one against the standard MobileNetV2 1.0 table, and
 * every shape is checked, so a TFLite file of another network (MobileNetV2 0.5, MobileNetV1 ...)
 * is refused with the first layer that differs. Tensor names are not used: they are converter
 * debris ({@code MobileNetV2/expanded_conv_4/depthwise/batch_norm/FusedBatchNormV3}).
 */
public final class PretrainedWeights {

  /** The file this reader is made for. */
  public static final String EXPECTED_FILE = "tf2_mobilenet_v2_1.0_224_ptq.tflite";

  /** Where the shared folder beside a clone keeps a byte-exact copy (train's default). */
  public static final String SHARED_COPY = "../shared/pretrained/mobilenet_v2_imagenet/" + EXPECTED_FILE;

  /** Where a user downloads it (google-coral/test_data, Apache-2.0), pinned to a commit. */
  public static final String SOURCE_URL = "https://github.com/google-coral/test_data/raw/"
      + "104342d2d3480b3e66203073dac24f4e2dbb4c41/" + EXPECTED_FILE;

  /** Refuse anything much bigger than the 4 MB int8 file (a float32 one would be about 14 MB). */
  private static final long MAX_BYTES = 64L << 20;

  /** One array: a C-order {@code float32} tensor. {@code values} is not copied. */
  public record PretrainedArray(String name, long[] shape, float[] values) {
    @Override
    public String toString() {
      return name + Arrays.toString(shape);
    }
  }

  private enum Kind { CONV, DEPTHWISE, DENSE }

  /** One layer of the standard network: {@code k} is the square kernel size. */
  private record Layer(String name, Kind kind, int out, int in, int k) {
    /** The weight's shape as TFLite stores it: OHWI, depthwise 1HWC, dense as a 1x1 conv. */
    int[] tfliteShape() {
      return switch (kind) {
        case CONV, DENSE -> new int[] {out, k, k, in};
        case DEPTHWISE -> new int[] {1, k, k, out};
      };
    }
  }

  /** MobileNetV2 1.0: stem, 17 inverted-residual blocks (expansion t, out channels), head. */
  private static final List<Layer> LAYERS = layers();

  private static List<Layer> layers() {
    int[][] blocks = {{1, 16}, {6, 24}, {6, 24}, {6, 32}, {6, 32}, {6, 32}, {6, 64}, {6, 64},
        {6, 64}, {6, 64}, {6, 96}, {6, 96}, {6, 96}, {6, 160}, {6, 160}, {6, 160}, {6, 320}};
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer("stem.conv", Kind.CONV, 32, 3, 3));
    int in = 32;
    for (int n = 0; n < blocks.length; n++) {
      int hidden = in * blocks[n][0];
      if (blocks[n][0] != 1) {
        layers.add(new Layer("blocks." + n + ".expand", Kind.CONV, hidden, in, 1));
      }
      layers.add(new Layer("blocks." + n + ".depthwise", Kind.DEPTHWISE, hidden, 1, 3));
      layers.add(new Layer("blocks." + n + ".project", Kind.CONV, blocks[n][1], hidden, 1));
      in = blocks[n][1];
    }
    layers.add(new Layer("head.conv", Kind.CONV, 1280, in, 1));
    layers.add(new Layer("classifier", Kind.DENSE, 1001, 1280, 1));
    return List.copyOf(layers);
  }

  private final Path source;
  private final String sha256;
  private final Map<String, PretrainedArray> arrays;

  private PretrainedWeights(Path source, String sha256, Map<String, PretrainedArray> arrays) {
    this.source = source;
    this.sha256 = sha256;
    this.arrays = Collections.unmodifiableMap(arrays);
  }

  /**
   * Reads and dequantizes {@code file}.
   *
   * @throws PretrainedWeightsException if the file is missing, unreadable, truncated, not a
   *     TFLite file, or not MobileNetV2 1.0 with 1001 classes; the message names the path
   */
  public static PretrainedWeights readTflite(Path file) throws PretrainedWeightsException {
    byte[] bytes = readBytes(file);
    TfliteFile tflite;
    try {
      tflite = TfliteFile.parse(bytes);
    } catch (TfliteFile.Malformed e) {
      throw new PretrainedWeightsException(file, e.getMessage(), e);
    }
    List<TfliteFile.Operator> convs = tflite.operators().stream()
        .filter(op -> op.builtinCode() == TfliteFile.CONV_2D
            || op.builtinCode() == TfliteFile.DEPTHWISE_CONV_2D
            || op.builtinCode() == TfliteFile.FULLY_CONNECTED)
        .toList();
    Map<String, PretrainedArray> arrays = new LinkedHashMap<>();
    try {
      for (int i = 0; i < Math.min(convs.size(), LAYERS.size()); i++) {
        read(tflite, convs.get(i), LAYERS.get(i), arrays);
      }
    } catch (TfliteFile.Malformed e) {
      throw new PretrainedWeightsException(file, e.getMessage(), e);
    } catch (NotThisNetwork e) {
      throw new PretrainedWeightsException(file, "not MobileNetV2 1.0 (" + e.getMessage() + ")");
    }
    if (convs.size() != LAYERS.size()) {
      throw new PretrainedWeightsException(file, "not MobileNetV2 1.0 (" + convs.size()
          + " CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED operators, expected "
          + LAYERS.size() + ")");
    }
    return new PretrainedWeights(file, sha256(bytes), arrays);
  }

  /** The arrays in network order, weight before bias; unmodifiable. */
  public Map<String, PretrainedArray> arrays() {
    return arrays;
  }

  /** The array called {@code name}, e.g. {@code blocks.3.depthwise.weight}. */
  public PretrainedArray get(String name) {
    PretrainedArray array = arrays.get(name);
    if (array == null) {
      throw new NoSuchElementException("no pretrained array " + name + " in " + source);
    }
    return array;
  }

  /** SHA-256 of the file read, lowercase hex. */
  public String sha256() {
    return sha256;
  }

  /** The file read. */
  public Path source() {
    return source;
  }

  // ---- one layer -----------------------------------------------------------------------------

  /** The file has another network's shapes or operators: the message names the first difference. */
  private static final class NotThisNetwork extends Exception {
    NotThisNetwork(String message) {
      super(message, null, false, false);
    }
  }

  private static void read(TfliteFile tflite, TfliteFile.Operator op, Layer layer,
      Map<String, PretrainedArray> arrays) throws TfliteFile.Malformed, NotThisNetwork {
    boolean depthwise = op.builtinCode() == TfliteFile.DEPTHWISE_CONV_2D;
    if (depthwise != (layer.kind() == Kind.DEPTHWISE)
        || op.builtinCode() == TfliteFile.FULLY_CONNECTED && layer.kind() != Kind.DENSE) {
      throw new NotThisNetwork("operator " + op.index() + " is a " + opName(op.builtinCode())
          + " where layer " + layer.name() + " expects a "
          + (layer.kind() == Kind.DEPTHWISE ? "DEPTHWISE_CONV_2D" : "CONV_2D"));
    }
    if (op.inputs().length < 3 || op.inputs()[1] < 0 || op.inputs()[2] < 0) {
      throw new NotThisNetwork("layer " + layer.name() + " has no weight or no bias input");
    }
    TfliteFile.Tensor weight = tflite.tensors().get(op.inputs()[1]);
    TfliteFile.Tensor bias = tflite.tensors().get(op.inputs()[2]);

    int[] expected = layer.tfliteShape();
    int[] shape = weight.shape();
    if (op.builtinCode() == TfliteFile.FULLY_CONNECTED && shape.length == 2) {
      shape = new int[] {shape[0], 1, 1, shape[1]};  // a dense [out, in] is a 1x1 conv
    }
    int outAxis = layer.kind() == Kind.DEPTHWISE ? 3 : 0;
    if (shape.length == 4 && shape[outAxis] != expected[outAxis]) {
      throw new NotThisNetwork("layer " + layer.name() + " has " + shape[outAxis]
          + " output channels, expected " + expected[outAxis]);
    }
    if (!Arrays.equals(shape, expected)) {
      throw new NotThisNetwork("layer " + layer.name() + " has weight shape "
          + Arrays.toString(weight.shape()) + ", expected " + Arrays.toString(expected)
          + " (TFLite " + (layer.kind() == Kind.DEPTHWISE ? "1HWC" : "OHWI") + ")");
    }
    if (!Arrays.equals(bias.shape(), new int[] {layer.out()})) {
      throw new NotThisNetwork("layer " + layer.name() + " has bias shape "
          + Arrays.toString(bias.shape()) + ", expected [" + layer.out() + "]");
    }

    float[] w = dequantize(tflite, weight, layer.name());
    int k2 = layer.k() * layer.k();
    long[] torchShape = switch (layer.kind()) {
      case CONV -> {
        // OHWI -> OIHW: per output channel, the [kH*kW, in] block becomes [in, kH*kW].
        w = transposeBlocks(w, layer.out(), k2, layer.in());
        yield new long[] {layer.out(), layer.in(), layer.k(), layer.k()};
      }
      case DEPTHWISE -> {
        // [1, kH, kW, C] -> [C, 1, kH, kW]: the single [kH*kW, C] block becomes [C, kH*kW].
        w = transposeBlocks(w, 1, k2, layer.out());
        yield new long[] {layer.out(), 1, layer.k(), layer.k()};
      }
      case DENSE -> new long[] {layer.out(), layer.in()};  // [out, 1, 1, in] is [out, in]
    };
    put(arrays, new PretrainedArray(layer.name() + ".weight", torchShape, w));
    put(arrays, new PretrainedArray(layer.name() + ".bias", new long[] {layer.out()},
        dequantize(tflite, bias, layer.name())));
  }

  private static void put(Map<String, PretrainedArray> arrays, PretrainedArray array) {
    arrays.put(array.name(), array);
  }

  /**
   * The tensor's values in its own (TFLite, C-order) layout as float32: float32 copied,
   * integers dequantized as {@code f = scale[c] * (q - zero_point[c])} with c the index along the
   * quantized dimension (one scale for the whole tensor if there is just one), computed in double
   * and rounded once to float, as TensorFlow's converter does.
   */
  private static float[] dequantize(TfliteFile tflite, TfliteFile.Tensor t, String layer)
      throws TfliteFile.Malformed, NotThisNetwork {
    int n = Math.toIntExact(t.elements());
    int width = switch (t.type()) {
      case TfliteFile.FLOAT32, TfliteFile.INT32 -> 4;
      case TfliteFile.INT8, TfliteFile.UINT8 -> 1;
      default -> throw new NotThisNetwork("layer " + layer + ": tensor " + t.name()
          + " has TFLite type " + t.type() + ", expected INT8, UINT8, INT32 or FLOAT32");
    };
    ByteBuffer data = tflite.data(t);
    if (data.remaining() != (long) n * width) {
      throw new TfliteFile.Malformed("tensor " + t.name() + " of layer " + layer + " holds "
          + data.remaining() + " bytes, expected " + (long) n * width + " for shape "
          + Arrays.toString(t.shape()));
    }
    float[] values = new float[n];
    if (t.type() == TfliteFile.FLOAT32) {
      data.asFloatBuffer().get(values);
      return values;
    }
    int axis = t.quantizedDimension();
    int channels = t.scales().length;
    if (channels == 0 || axis < 0 || axis >= t.shape().length
        || channels != 1 && channels != t.shape()[axis]
        || t.zeroPoints().length > 1 && t.zeroPoints().length != channels) {
      throw new TfliteFile.Malformed("tensor " + t.name() + " of layer " + layer + " has "
          + channels + " scales and " + t.zeroPoints().length + " zero points on axis " + axis
          + " of shape " + Arrays.toString(t.shape()) + ", expected one per channel or one");
    }
    int inner = 1;  // elements per step along the quantized axis
    for (int d = axis + 1; d < t.shape().length; d++) {
      inner *= t.shape()[d];
    }
    long[] zeros = t.zeroPoints().length == channels ? t.zeroPoints() : new long[channels];
    if (t.zeroPoints().length == 1) {
      Arrays.fill(zeros, t.zeroPoints()[0]);
    }
    for (int i = 0; i < n; i++) {
      int c = channels == 1 ? 0 : i / inner % channels;
      long q = switch (t.type()) {
        case TfliteFile.INT8 -> data.get(i);
        case TfliteFile.UINT8 -> data.get(i) & 0xff;
        default -> data.getInt(4 * i);
      };
      values[i] = (float) ((double) t.scales()[c] * (q - zeros[c]));
    }
    return values;
  }

  /** Transposes each of {@code blocks} consecutive row-major {@code [rows, cols]} matrices. */
  private static float[] transposeBlocks(float[] a, int blocks, int rows, int cols) {
    float[] t = new float[a.length];
    for (int b = 0; b < blocks; b++) {
      int base = b * rows * cols;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          t[base + c * rows + r] = a[base + r * cols + c];
        }
      }
    }
    return t;
  }

  private static String opName(int code) {
    return switch (code) {
      case TfliteFile.CONV_2D -> "CONV_2D";
      case TfliteFile.DEPTHWISE_CONV_2D -> "DEPTHWISE_CONV_2D";
      case TfliteFile.FULLY_CONNECTED -> "FULLY_CONNECTED";
      default -> "builtin operator " + code;
    };
  }

  // ---- the file --------------------------------------------------------------------------------

  private static byte[] readBytes(Path file) throws PretrainedWeightsException {
    try {
      if (Files.isDirectory(file)) {
        throw new PretrainedWeightsException(file, "is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new PretrainedWeightsException(file, "too large for MobileNetV2 1.0 int8 ("
            + size + " bytes; " + EXPECTED_FILE + " has 4,070,174)");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PretrainedWeightsException(file, "no such file", e);
    } catch (IOException e) {
      throw new PretrainedWeightsException(file, "cannot be read (" + e + ")", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
