package org.polypseg.model.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polypseg.model.ImageTensors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof that the ImageNet weights are in the encoder as trained: the Java MobileNetV2, with the
 * weights read from the public .tflite, plus the classifier, reproduces reference.json (computed
 * independently from the TFLite graph in float64) on the three reference pictures: the same top-5,
 * logits within 1e-3 × max|logit|, and every feature tap's mean, first channel means and corner
 * values within 1e-3 of that tap's largest reference value. A padding error shows at once in the
 * bottom-right corner values.
 */
class MobileNetV2ReferenceTest {

  private static final String[] TAPS = {"stride_2", "stride_4", "stride_8", "stride_16", "stride_32"};

  private static PretrainedWeights weights;
  private static JsonNode reference;

  @BeforeAll
  static void load() throws Exception {
    assumeTrue(SharedImageNetFiles.present(), "../shared/pretrained/mobilenet_v2_imagenet not present");
    weights = PretrainedWeights.readTflite(SharedImageNetFiles.TFLITE);
    reference = JsonMapper.builder().build().readTree(SharedImageNetFiles.REFERENCE.toFile());
  }

  @Test
  void encoderAndClassifierReproduceTheReferenceOnThreePictures() throws IOException {
    MobileNetV2Encoder encoder = new MobileNetV2Encoder();
    try (NDManager manager = NDManager.newBaseManager()) {
      encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      encoder.loadPretrained(weights);
      PretrainedWeights.PretrainedArray classifierW = weights.get("classifier.weight");
      PretrainedWeights.PretrainedArray classifierB = weights.get("classifier.bias");
      NDArray w = manager.create(classifierW.values(), new Shape(classifierW.shape()));
      NDArray b = manager.create(classifierB.values(), new Shape(classifierB.shape()));
      for (JsonNode picture : reference.get("pictures")) {
        String file = picture.get("file").asString();
        BufferedImage image = ImageIO.read(SharedImageNetFiles.DIR.resolve(file).toFile());
        float[] x = ImageTensors.normalise(image, ImageTensors.Normalisation.SIGNED_UNIT);
        try (NDManager scope = manager.newSubManager()) {
          NDArray input = scope.create(x, new Shape(1, 3, 224, 224));
          NDList taps = encoder.forward(new ParameterStore(scope, false), new NDList(input), false);
          for (int t = 0; t < TAPS.length; t++) {
            checkTap(file + " " + TAPS[t], taps.get(t), picture.get("feature_taps").get(TAPS[t]));
          }
          NDArray pooled = taps.get(4).reshape(1, 1280, -1).mean(new int[] {2}); // one axis at a time here
          float[] logits = pooled.matMul(w.transpose()).add(b).toFloatArray();
          checkLogits(file, logits, picture);
        }
      }
    }
  }

  private static void checkLogits(String file, float[] logits, JsonNode picture) {
    assertThat(logits).hasSize(1001);
    float maxAbs = 0;
    for (float l : logits) {
      maxAbs = Math.max(maxAbs, Math.abs(l));
    }
    double tolerance = 1e-3 * maxAbs;
    List<Integer> expectedTop5 = new ArrayList<>();
    for (JsonNode top : picture.get("top5")) {
      int index = top.get("index").asInt();
      expectedTop5.add(index);
      assertThat((double) logits[index]).as(file + " logit of " + top.get("label").asString())
          .isCloseTo(top.get("logit").asDouble(), org.assertj.core.data.Offset.offset(tolerance));
    }
    assertThat(top5(logits)).as(file + " top-5").containsExactlyElementsOf(expectedTop5);
    JsonNode first8 = picture.get("logits_first_8");
    for (int i = 0; i < 8; i++) {
      assertThat((double) logits[i]).as(file + " logit " + i)
          .isCloseTo(first8.get(i).asDouble(), org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  private static List<Integer> top5(float[] logits) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < logits.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Float.compare(logits[b], logits[a]));
    return order.subList(0, 5);
  }

  private static void checkTap(String what, NDArray tap, JsonNode expected) {
    Shape shape = tap.getShape();
    List<Long> expectedShape = new ArrayList<>();
    expected.get("shape").forEach(n -> expectedShape.add(n.asLong()));
    assertThat(shape.getShape()).as(what + " shape").containsExactly(
        expectedShape.stream().mapToLong(Long::longValue).toArray());
    int h = (int) shape.get(2);
    int wd = (int) shape.get(3);
    float[] v = tap.toFloatArray();
    int plane = h * wd;
    List<double[]> pairs = new ArrayList<>(); // {actual, expected}
    double mean = 0;
    for (float f : v) {
      mean += f;
    }
    pairs.add(new double[] {mean / v.length, expected.get("mean").asDouble()});
    for (int c = 0; c < 8; c++) {
      double channelMean = 0;
      for (int p = 0; p < plane; p++) {
        channelMean += v[c * plane + p];
      }
      pairs.add(new double[] {channelMean / plane, expected.get("first_8_channel_means").get(c).asDouble()});
      pairs.add(new double[] {v[c * plane], expected.get("first_8_channels_at_0_0").get(c).asDouble()});
      pairs.add(new double[] {v[c * plane + plane - 1],
          expected.get("first_8_channels_at_last_last").get(c).asDouble()});
    }
    double scale = pairs.stream().mapToDouble(p -> Math.abs(p[1])).max().orElse(1);
    for (double[] p : pairs) {
      assertThat(p[0]).as(what).isCloseTo(p[1], org.assertj.core.data.Offset.offset(1e-3 * scale + 1e-6));
    }
  }
}
