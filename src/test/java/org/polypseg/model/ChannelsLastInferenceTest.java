package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polypseg.quantum.StateVectorBackend;

/**
 * Inference hands the network its input stored channels last (oneDNN's own layout, no conversion
 * at each convolution). Every operator of every network must read that layout right: the
 * probabilities equal those of the plain (channels-first) input, for each encoder, with the
 * circuits at the bottleneck and in the decoder, flip averaging on.
 */
class ChannelsLastInferenceTest {

  private static final int SIDE = 64;
  /**
   * Float rounding: the convolutions sum in another order (up to about 1e-5 seen on these random
   * weights); a mixed-up layout moves them far more.
   */
  private static final float TOLERANCE = 1e-4f;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {ModelSpec.EFFICIENTNET_B0, ModelSpec.MOBILENET_V2, "plain"})
  void channelsLastGivesTheProbabilitiesOfThePlainLayout(String encoder) throws Exception {
    ModelSpec spec = switch (encoder) {
      case ModelSpec.EFFICIENTNET_B0 -> ModelSpec.efficientNet(SIDE, ModelSpec.QUANTUM, 4, 2);
      case ModelSpec.MOBILENET_V2 -> ModelSpec.mobileNet(SIDE, ModelSpec.QUANTUM, 4, 2);
      default -> new ModelSpec(4, 3, SIDE, ModelSpec.QUANTUM, 4, 2);
    };
    spec = spec.withCircuit(ModelSpec.Circuit.ORIGINAL.withPlacement(CircuitPlacement.DECODER));
    SegmentationNetwork fresh = SegmentationNetwork.create(spec, new StateVectorBackend());
    try (NDManager manager = NDManager.newBaseManager()) {
      fresh.initialize(manager, DataType.FLOAT32, new Shape(1, 3, SIDE, SIDE));
      ModelStore.save(dir, fresh, new ModelInfo("layout", spec, Map.of()));
    }
    float[] inputs = new float[2 * 3 * SIDE * SIDE];
    Random random = new Random(5);
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (float) random.nextGaussian();
    }
    try (LoadedModel model = ModelStore.load(dir, new StateVectorBackend());
        NDManager scope = NDManager.newBaseManager()) {
      model.setFlipAveraging(false);
      float[] channelsLast = model.predictBatch(inputs, 2);
      NDArray plain = scope.create(inputs, new Shape(2, 3, SIDE, SIDE));
      NDList out = model.network().forward(new ParameterStore(scope, false), new NDList(plain), false);
      float[] reference = Activation.sigmoid(out.singletonOrThrow()).toFloatArray();

      assertThat(largestDifference(channelsLast, reference)).as("largest difference from the plain layout")
          .isLessThan(TOLERANCE);
      // The two images differ, so a layout mix-up between batch entries would show.
      assertThat(reference[0]).isNotEqualTo(reference[SIDE * SIDE]);

      model.setFlipAveraging(true);
      NDList mirrored = model.network().forward(new ParameterStore(scope, false),
          new NDList(plain.flip(3)), false);
      float[] averaged = Activation.sigmoid(out.singletonOrThrow())
          .add(Activation.sigmoid(mirrored.singletonOrThrow()).flip(3)).div(2).toFloatArray();
      assertThat(largestDifference(model.predictBatch(inputs, 2), averaged))
          .as("largest difference with flip averaging").isLessThan(TOLERANCE);
    }
  }

  private static float largestDifference(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    float largest = 0;
    for (int i = 0; i < a.length; i++) {
      largest = Math.max(largest, Math.abs(a[i] - b[i]));
    }
    return largest;
  }

  @Test
  void theLayoutChangeKeepsShapeAndValues() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.arange(2 * 3 * 4 * 5f).reshape(2, 3, 4, 5);
      NDArray y = LoadedModel.channelsLast(x);
      assertThat(y.getShape()).isEqualTo(x.getShape());
      assertThat(y.toFloatArray()).containsExactly(x.toFloatArray());
    }
  }
}
