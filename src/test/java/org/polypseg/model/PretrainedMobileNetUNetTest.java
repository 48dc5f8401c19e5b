package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.model.mobilenet.PretrainedWeights;
import org.polypseg.quantum.StrangeBackend;
import org.polypseg.testing.SyntheticData;

class PretrainedMobileNetUNetTest {

  static final ModelSpec SMALL = ModelSpec.mobileNet(64, ModelSpec.QUANTUM, 4, 2);

  @TempDir Path dir;

  @Test
  void outputIsOneLogitPerInputPixelWithTheCircuitAtTheBottleneck() {
    SegmentationNetwork net = SegmentationNetwork.create(SMALL, new StrangeBackend());
    assertThat(net).isInstanceOf(PretrainedMobileNetUNet.class);
    try (NDManager manager = NDManager.newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
      var out = net.forward(new ai.djl.training.ParameterStore(manager, false),
          new ai.djl.ndarray.NDList(manager.randomNormal(new Shape(2, 3, 64, 64))), false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 1, 64, 64));
    }
    assertThat(net.circuit()).isNotNull();
    assertThat(SegmentationNetwork.create(ModelSpec.mobileNet(64, ModelSpec.CLASSICAL, 4, 2), null)
        .circuit()).isNull();
    assertThat(SegmentationNetwork.create(ModelSpec.mobileNet(64, ModelSpec.NO_MIXER, 4, 2), null)
        .circuit()).isNull();
  }

  @Test
  void inputSideMustBeAMultipleOf32() {
    assertThatThrownBy(() -> ModelSpec.mobileNet(100, ModelSpec.QUANTUM, 4, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divisible by 2^depth = 32");
  }

  @Test
  void modelWithoutAnEncoderFieldIsThePlainUNet() {
    ModelSpec old = new ModelSpec(16, 4, 192, ModelSpec.QUANTUM, 4, 2, null);
    assertThat(old.encoder()).isEqualTo(ModelSpec.PLAIN);
    assertThat(SegmentationNetwork.create(old, null)).isInstanceOf(HybridUNet.class);
  }

  @Test
  void savedModelLoadsWithoutTheImageNetFileAndPredictsTheSame() throws Exception {
    assumeTrue(Files.isRegularFile(Path.of(PretrainedWeights.SHARED_COPY)), "shared ImageNet file absent");
    PretrainedMobileNetUNet net = new PretrainedMobileNetUNet(SMALL, new StrangeBackend());
    BufferedImage image = SyntheticData.pair(70, 50, new Random(2))[0];
    float[] before;
    try (NDManager manager = NDManager.newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
      PretrainedWeights imagenet = PretrainedWeights.readTflite(Path.of(PretrainedWeights.SHARED_COPY));
      net.encoder().loadPretrained(imagenet);
      float[] stem = net.encoder().layers().get("stem.conv").conv().getParameters().get("weight")
          .getArray().toFloatArray();
      assertThat(stem).containsExactly(imagenet.get("stem.conv.weight").values());
      ModelStore.save(dir, net, new ModelInfo("small", SMALL, Map.of("epochs", 0)));
      float[] x = ImageTensors.toInput(image, 64, SMALL.normalisation());
      before = ai.djl.nn.Activation.sigmoid(net.forward(new ai.djl.training.ParameterStore(manager, false),
          new ai.djl.ndarray.NDList(manager.create(x, new Shape(1, 3, 64, 64))), false)
          .singletonOrThrow()).toFloatArray();
    }
    try (LoadedModel loaded = ModelStore.load(dir, new StrangeBackend())) {
      assertThat(loaded.info().architecture().encoder()).isEqualTo(ModelSpec.MOBILENET_V2);
      float[] after = loaded.predict(image);
      assertThat(after).hasSize(64 * 64);
      // Inference stores the input channels last, so the convolutions sum in another order:
      // float rounding, up to about 1e-5 on this untrained decoder's random weights.
      for (int i = 0; i < after.length; i++) {
        assertThat(Math.abs(after[i] - before[i])).isLessThan(1e-4f);
      }
    }
  }

  @Test
  void weightsThatDoNotFitModelJsonNameBothFiles() throws Exception {
    HybridUNet plain = new HybridUNet(new ModelSpec(4, 2, 64, ModelSpec.QUANTUM, 4, 2), new StrangeBackend());
    try (NDManager manager = NDManager.newBaseManager()) {
      plain.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
      // Plain weights under a model.json that says MobileNetV2.
      ModelStore.save(dir, plain, new ModelInfo("mismatch", SMALL, Map.of()));
    }
    assertThatThrownBy(() -> ModelStore.load(dir, new StrangeBackend()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(dir.resolve(ModelStore.WEIGHTS_FILE).toString())
        .hasMessageContaining(dir.resolve(ModelStore.INFO_FILE).toString());
  }

  @Test
  void flopsCountTheEncoderAndTheDecoder() {
    double encoder = org.polypseg.model.mobilenet.MobileNetV2Encoder.flops(224);
    // MobileNetV2 1.0 at 224² is 300 M multiply-adds without its classifier's 1.3 M (Sandler et al.).
    assertThat(encoder / 2).isBetween(290e6, 310e6);
    assertThat(new PretrainedMobileNetUNet(SMALL, null).flopsPerImage())
        .isGreaterThan(org.polypseg.model.mobilenet.MobileNetV2Encoder.flops(64));
  }
}
