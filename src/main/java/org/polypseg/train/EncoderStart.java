package org.polypseg.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.polypseg.model.EfficientNetUNet;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.PretrainedMobileNetUNet;
import org.polypseg.model.SegmentationNetwork;
import org.polypseg.model.efficientnet.EfficientNetWeights;
import org.polypseg.model.mobilenet.PretrainedWeights;
import org.polypseg.model.mobilenet.PretrainedWeightsException;

/**
 * The ImageNet weights a run's encoder starts from: read (and checked) before any image is decoded,
 * so that a wrong file fails in a second, not after minutes; then copied into the initialised
 * network; and described in model.json (network, file, sha256, where a user gets it, licence).
 *
 * @param record what model.json's {@code training.pretrainedEncoder} says
 * @param loader copies the weights into the network's encoder, in place
 */
record EncoderStart(Map<String, Object> record, Consumer<SegmentationNetwork> loader) {

  /**
   * Reads the weights for {@code spec}'s encoder from {@code file} (a .tflite for MobileNetV2, the
   * TF.js model's folder for EfficientNet-B0).
   */
  static EncoderStart read(ModelSpec spec, Path file) throws PretrainedWeightsException {
    Map<String, Object> record = new LinkedHashMap<>();
    switch (spec.encoder()) {
      case ModelSpec.MOBILENET_V2 -> {
        PretrainedWeights weights = PretrainedWeights.readTflite(file);
        record.put("network", "MobileNetV2 1.0, ImageNet (1001 classes), TF-Slim checkpoint as quantized by Coral");
        record.put("file", file.getFileName().toString());
        record.put("sha256", weights.sha256());
        record.put("source", PretrainedWeights.SOURCE_URL);
        record.put("licence", "Apache-2.0");
        return new EncoderStart(record,
            network -> ((PretrainedMobileNetUNet) network).encoder().loadPretrained(weights));
      }
      case ModelSpec.EFFICIENTNET_B0 -> {
        EfficientNetWeights weights = EfficientNetWeights.readTfjs(file);
        record.put("network", "EfficientNet-B0, ImageNet (1000 classes), TF Hub"
            + " tensorflow/efficientnet/b0/classification/1 (Keras, AutoAugment)");
        record.put("file", "model.json + group1-shard1of6.bin … group1-shard6of6.bin (TensorFlow.js graph model)");
        record.put("sha256", weights.sha256());
        record.put("source", EfficientNetWeights.HOW_TO_GET);
        record.put("licence", "Apache-2.0 (TF Hub's default for published models)");
        return new EncoderStart(record,
            network -> ((EfficientNetUNet) network).encoder().loadPretrained(weights));
      }
      default -> throw new IllegalArgumentException("the plain encoder starts from random weights");
    }
  }

  /** A line for the training log. */
  String logLine() {
    return "encoder: ImageNet " + record.get("network") + " (sha256 " + record.get("sha256") + ")";
  }
}
