package org.polypseg.model.efficientnet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polypseg.model.mobilenet.PretrainedWeightsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TensorFlow.js graph model as published: {@code model.json} (the graph's nodes and a weights
 * manifest) and the binary shards it names. Each manifest entry's bytes follow the previous one's
 * across the shards, concatenated in the order listed, as little-endian float32.
 *
 * <p>Only what a float32 graph model needs is read: other dtypes or quantized weights are refused,
 * as are missing or truncated shards, so that a wrong download fails here with its path.
 */
final class TfjsGraphModel {

  /** Refuse a model.json that is obviously not one (the EfficientNet-B0 one is 190 kB). */
  private static final long MAX_JSON_BYTES = 16L << 20;
  /** Refuse shards far beyond any float32 EfficientNet (B0 is 21 MB in all). */
  private static final long MAX_SHARD_BYTES = 256L << 20;

  /** One graph node: its op and the names of its inputs (a trailing {@code :n} dropped). */
  record Node(String name, String op, List<String> inputs) {}

  /** One weight: TensorFlow layout, C order, float32. */
  record Tensor(String name, int[] shape, float[] values) {
    @Override
    public String toString() {
      return name + Arrays.toString(shape);
    }
  }

  private final Path folder;
  private final String expected;
  private final Map<String, Node> nodes;
  private final Map<String, Tensor> tensors;
  private final String sha256;

  private TfjsGraphModel(Path folder, String expected, Map<String, Node> nodes,
      Map<String, Tensor> tensors, String sha256) {
    this.folder = folder;
    this.expected = expected;
    this.nodes = nodes;
    this.tensors = tensors;
    this.sha256 = sha256;
  }

  /**
   * Reads {@code folder}/model.json and its shards.
   *
   * @param expected the end of every error message: what the user should have given
   * @throws PretrainedWeightsException naming the file and what is wrong with it
   */
  static TfjsGraphModel read(Path folder, String expected) throws PretrainedWeightsException {
    Path json = folder.resolve("model.json");
    if (!Files.isDirectory(folder)) {
      throw new PretrainedWeightsException(folder,
          Files.exists(folder) ? "is a file, not a folder with model.json and its shards" : "no such folder",
          expected, null);
    }
    byte[] jsonBytes = read(json, MAX_JSON_BYTES, expected);
    MessageDigest digest = sha256Digest();
    digest.update(jsonBytes);
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(jsonBytes);
    } catch (JacksonException e) {
      throw new PretrainedWeightsException(json, "is not JSON (" + e.getOriginalMessage() + ")", expected, e);
    }
    if (!"graph-model".equals(root.path("format").asString(""))) {
      throw new PretrainedWeightsException(json, "is not a TensorFlow.js graph model (its \"format\" is "
          + (root.has("format") ? "\"" + root.get("format").asString("") + "\"" : "missing") + ")", expected, null);
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (JsonNode node : root.path("modelTopology").path("node")) {
      List<String> inputs = new ArrayList<>();
      for (JsonNode input : node.path("input")) {
        String name = input.asString("");
        int colon = name.indexOf(':');
        inputs.add(colon < 0 ? name : name.substring(0, colon));
      }
      nodes.put(node.path("name").asString(""), new Node(node.path("name").asString(""),
          node.path("op").asString(""), List.copyOf(inputs)));
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    JsonNode manifest = root.path("weightsManifest");
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw new PretrainedWeightsException(json, "has no weightsManifest", expected, null);
    }
    for (JsonNode group : manifest) {
      ByteBuffer bytes = readShards(folder, group.path("paths"), digest, expected);
      for (JsonNode weight : group.path("weights")) {
        String name = weight.path("name").asString("");
        String dtype = weight.path("dtype").asString("");
        // Shape constants of the graph's reshapes are int32: their bytes are skipped, not read.
        if (!("float32".equals(dtype) || "int32".equals(dtype)) || weight.has("quantization")) {
          throw new PretrainedWeightsException(json, "weight " + name + " is "
              + (weight.has("quantization") ? "quantized" : dtype.isEmpty() ? "of no dtype" : dtype)
              + ", only float32 weights are read", expected, null);
        }
        int[] shape = new int[weight.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = weight.path("shape").get(i).asInt();
          count *= shape[i];
        }
        if (bytes.remaining() < count * Float.BYTES) {
          throw new PretrainedWeightsException(folder, "the shards end inside weight " + name + " (needs "
              + count * Float.BYTES + " bytes, " + bytes.remaining() + " left): a shard is truncated",
              expected, null);
        }
        if ("int32".equals(dtype)) {
          bytes.position(bytes.position() + (int) count * Integer.BYTES);
          continue;
        }
        float[] values = new float[(int) count];
        bytes.asFloatBuffer().get(values);
        bytes.position(bytes.position() + values.length * Float.BYTES);
        tensors.put(name, new Tensor(name, shape, values));
      }
      if (bytes.hasRemaining()) {
        throw new PretrainedWeightsException(folder, "the shards hold " + bytes.remaining()
            + " bytes more than model.json's weights: they belong to another model.json", expected, null);
      }
    }
    return new TfjsGraphModel(folder, expected, nodes, tensors, HexFormat.of().formatHex(digest.digest()));
  }

  private static ByteBuffer readShards(Path folder, JsonNode paths, MessageDigest digest, String expected)
      throws PretrainedWeightsException {
    List<byte[]> shards = new ArrayList<>();
    int total = 0;
    for (JsonNode path : paths) {
      Path shard = folder.resolve(path.asString(""));
      if (!shard.normalize().startsWith(folder.normalize())) {
        throw new PretrainedWeightsException(folder, "model.json names a shard outside its folder: " + path, expected, null);
      }
      byte[] bytes = read(shard, MAX_SHARD_BYTES, expected);
      digest.update(bytes);
      shards.add(bytes);
      total += bytes.length;
    }
    ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    shards.forEach(all::put);
    return all.flip();
  }

  private static byte[] read(Path file, long limit, String expected) throws PretrainedWeightsException {
    try {
      long size = Files.size(file);
      if (size > limit) {
        throw new PretrainedWeightsException(file, "is " + size + " bytes, too large", expected, null);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PretrainedWeightsException(file, "is missing", expected, e);
    } catch (IOException e) {
      throw new PretrainedWeightsException(file, "cannot be read (" + e + ")", expected, e);
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  Path folder() {
    return folder;
  }

  /** SHA-256 over model.json followed by the shards in manifest order. */
  String sha256() {
    return sha256;
  }

  Map<String, Node> nodes() {
    return nodes;
  }

  /** The node called {@code name}, or an error naming model.json and what was looked for. */
  Node node(String name, String what) throws PretrainedWeightsException {
    Node node = nodes.get(name);
    if (node == null) {
      throw new PretrainedWeightsException(folder.resolve("model.json"), "has no node " + name + " ("
          + what + ")", expected, null);
    }
    return node;
  }

  /** The weight called {@code name}, or an error naming model.json. */
  Tensor tensor(String name, String what) throws PretrainedWeightsException {
    Tensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new PretrainedWeightsException(folder.resolve("model.json"), "has no weight " + name + " ("
          + what + ")", expected, null);
    }
    return tensor;
  }

  PretrainedWeightsException error(String reason) {
    return new PretrainedWeightsException(folder, reason, expected, null);
  }
}
