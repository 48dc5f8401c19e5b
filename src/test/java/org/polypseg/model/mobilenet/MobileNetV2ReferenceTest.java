package org.polypseg.model.mobilenet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polypseg.model.ImageTensors;
import org.polypseg.model.tf.ImageNetReference;
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
            ImageNetReference.checkTap(file + " " + TAPS[t], taps.get(t), picture.get("feature_taps").get(TAPS[t]));
          }
          NDArray pooled = taps.get(4).reshape(1, 1280, -1).mean(new int[] {2}); // one axis at a time here
          float[] logits = pooled.matMul(w.transpose()).add(b).toFloatArray();
          ImageNetReference.checkLogits(file, logits, 1001, picture);
        }
      }
    }
  }
}
