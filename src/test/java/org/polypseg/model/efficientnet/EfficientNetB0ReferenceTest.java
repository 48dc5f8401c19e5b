package org.polypseg.model.efficientnet;

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
 * The proof that the ImageNet weights are in the encoder as trained: the Java EfficientNet-B0, with
 * the weights read from the public TF.js model, plus the classifier, reproduces reference.json
 * (computed independently from the TF.js graph in float64) on the three reference pictures: the
 * same top-5, logits within 1e-3 × max|logit|, and the five taps and the head's output within 1e-3
 * of each one's largest reference value. A symmetric pad at stride 2 keeps the top-1 but moves the
 * bottom-right tap values by up to 88: the tap checks catch it.
 */
class EfficientNetB0ReferenceTest {

  private static final String[] TAPS = {"stride_2", "stride_4", "stride_8", "stride_16", "stride_32",
      "stride_32_head"};

  private static EfficientNetWeights weights;
  private static JsonNode reference;

  @BeforeAll
  static void load() throws Exception {
    assumeTrue(SharedEfficientNetFiles.present(), EfficientNetWeights.SHARED_COPY + " not present");
    weights = EfficientNetWeights.readTfjs(SharedEfficientNetFiles.DIR);
    reference = JsonMapper.builder().build().readTree(SharedEfficientNetFiles.REFERENCE.toFile());
  }

  @Test
  void encoderAndClassifierReproduceTheReferenceOnThreePictures() throws IOException {
    EfficientNetB0Encoder encoder = new EfficientNetB0Encoder(true);
    try (NDManager manager = NDManager.newBaseManager()) {
      encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      encoder.loadPretrained(weights);
      EfficientNetWeights.NamedArray classifierW = weights.get("classifier.weight");
      EfficientNetWeights.NamedArray classifierB = weights.get("classifier.bias");
      NDArray w = manager.create(classifierW.values(), new Shape(classifierW.shape()));
      NDArray b = manager.create(classifierB.values(), new Shape(classifierB.shape()));
      for (JsonNode picture : reference.get("pictures")) {
        String file = picture.get("file").asString();
        BufferedImage image = ImageIO.read(SharedEfficientNetFiles.DIR.resolve(file).toFile());
        float[] x = ImageTensors.normalise(image, ImageTensors.Normalisation.IMAGENET_MEAN_STD);
        try (NDManager scope = manager.newSubManager()) {
          NDArray input = scope.create(x, new Shape(1, 3, 224, 224));
          NDList taps = encoder.forward(new ParameterStore(scope, false), new NDList(input), false);
          for (int t = 0; t < TAPS.length; t++) {
            ImageNetReference.checkTap(file + " " + TAPS[t], taps.get(t), picture.get("feature_taps").get(TAPS[t]));
          }
          NDArray pooled = taps.get(5).reshape(1, 1280, -1).mean(new int[] {2});
          float[] logits = pooled.matMul(w.transpose()).add(b).toFloatArray();
          ImageNetReference.checkLogits(file, logits, 1000, picture);
        }
      }
    }
  }
}
