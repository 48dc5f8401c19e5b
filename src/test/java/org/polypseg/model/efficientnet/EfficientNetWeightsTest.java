package org.polypseg.model.efficientnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.model.mobilenet.PretrainedWeightsException;

/**
 * The TF.js reader against the shared weights.npz (made independently, by another program, from
 * the same public files): every one of the 164 arrays, in network order, with the same shape and
 * the same float32 values. Then each broken download a user could have, refused with its path.
 */
class EfficientNetWeightsTest {

  @Test
  void everyArrayEqualsTheSharedNpz() throws Exception {
    assumeTrue(SharedEfficientNetFiles.present(), EfficientNetWeights.SHARED_COPY + " not present");
    EfficientNetWeights weights = EfficientNetWeights.readTfjs(SharedEfficientNetFiles.DIR);
    try (NDManager manager = NDManager.newBaseManager();
        InputStream in = Files.newInputStream(SharedEfficientNetFiles.NPZ)) {
      NDList npz = NDList.decode(manager, in);
      assertThat(npz).hasSize(164);
      List<String> npzNames = new ArrayList<>();
      for (NDArray array : npz) {
        npzNames.add(array.getName());
        EfficientNetWeights.NamedArray ours = weights.get(array.getName());
        assertThat(ours.shape()).as(array.getName()).containsExactly(array.getShape().getShape());
        // Arrays.equals, not containsExactly: AssertJ diffs a million floats in quadratic time.
        assertThat(java.util.Arrays.equals(ours.values(), array.toFloatArray())).as(array.getName() + " values").isTrue();
      }
      assertThat(weights.names()).containsExactlyElementsOf(npzNames);
    }
  }

  @Test
  void aMissingShardIsNamed(@TempDir Path dir) throws IOException {
    assumeTrue(SharedEfficientNetFiles.present(), EfficientNetWeights.SHARED_COPY + " not present");
    copyModel(dir);
    Files.delete(dir.resolve("group1-shard4of6.bin"));
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(dir.resolve("group1-shard4of6.bin").toString())
        .hasMessageContaining("is missing")
        .hasMessageContaining(EfficientNetWeights.PACKAGE);
  }

  @Test
  void aTruncatedShardIsRefused(@TempDir Path dir) throws IOException {
    assumeTrue(SharedEfficientNetFiles.present(), EfficientNetWeights.SHARED_COPY + " not present");
    copyModel(dir);
    Path last = dir.resolve("group1-shard6of6.bin");
    byte[] bytes = Files.readAllBytes(last);
    Files.write(last, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void aFolderWithoutModelJsonOrAFileIsRefused(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(dir.resolve("model.json") + ": is missing");
    Path file = Files.writeString(dir.resolve("weights.tflite"), "x");
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(file))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining("is a file, not a folder");
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir.resolve("nowhere")))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining("no such folder");
  }

  @Test
  void somethingThatIsNotATfjsGraphModelIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("model.json"), "this is not json");
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining("is not JSON");
    Files.writeString(dir.resolve("model.json"), "{\"format\": \"layers-model\", \"modelTopology\": {}}");
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining("not a TensorFlow.js graph model")
        .hasMessageContaining("layers-model");
  }

  /** A consistent TF.js model (shard sizes fit) of a wider network: refused at its first layer. */
  @Test
  void anotherWidthIsRefusedAtItsFirstLayer(@TempDir Path dir) throws IOException {
    int out = 40; // B0 has 32 stem channels; EfficientNet-B2/B3 have 32 and 40
    String w = "StatefulPartitionedCall/model/stem_conv2d/Conv2D_weights";
    String b = "StatefulPartitionedCall/model/stem_conv2d/Conv2D_bn_offset";
    Files.writeString(dir.resolve("model.json"), """
        {"format": "graph-model", "modelTopology": {"node": [
          {"name": "StatefulPartitionedCall/model/stem_bn/FusedBatchNormV3", "op": "_FusedConv2D",
           "input": ["image", "%1$s", "%2$s"]}]},
         "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": [
           {"name": "%1$s", "shape": [3, 3, 3, %3$d], "dtype": "float32"},
           {"name": "%2$s", "shape": [%3$d], "dtype": "float32"}]}]}
        """.formatted(w, b, out));
    ByteBuffer shard = ByteBuffer.allocate((27 * out + out) * 4).order(ByteOrder.LITTLE_ENDIAN);
    Files.write(dir.resolve("group1-shard1of1.bin"), shard.array());
    assertThatThrownBy(() -> EfficientNetWeights.readTfjs(dir))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining("layer stem.conv is [3, 3, 3, 40] where EfficientNet-B0 has [3, 3, 3, 32]");
  }

  private static void copyModel(Path dir) throws IOException {
    try (var files = Files.list(SharedEfficientNetFiles.DIR)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("model\\.json|group1-shard.*")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }
}
