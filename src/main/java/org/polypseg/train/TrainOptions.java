package org.polypseg.train;

import java.nio.file.Path;
import java.util.List;
import org.polypseg.model.ModelSpec;

/**
 * Settings of one training run.
 *
 * @param data data folders, each with images/ and masks/
 * @param output the model folder written (best checkpoint by validation Dice), e.g. models/
 * @param checkpoints folder for the resumable last-epoch checkpoint
 * @param architecture the network to train
 * @param epochs total epochs
 * @param batchSize images per step
 * @param learningRate peak Adam learning rate
 * @param seed seed of the initial weights, the order of batches and augmentation
 * @param splitSeed seed of the training/validation split (the ablation keeps it fixed across seeds)
 * @param validationFraction part of the data held out to choose the checkpoint (about 0.1)
 * @param maxBatchesPerEpoch stop each epoch after this many batches (0 = all); for smoke tests
 * @param resume continue from the checkpoint in {@code checkpoints} when there is one
 * @param cache folder for decoded samples, shared between runs on the same data
 * @param pretrained the ImageNet weights that start a pretrained encoder: the EfficientNet-B0 TF.js
 *     model's folder, or the MobileNetV2 .tflite (null for the plain U-Net, or to start from random
 *     weights in tests)
 * @param encoderRateFactor the pretrained encoder's learning rate as a fraction of the new layers'
 * @param loss "structure" (PraNet's weighted BCE + weighted IoU) or "dice-bce"
 * @param scales input-size factors, one drawn per batch (PraNet's multi-scale training: 0.75, 1,
 *     1.25, each side rounded to a multiple of 32); just 1 trains at the input size only
 * @param averageDecay decay of the {@link WeightAverage} that validation and the saved model use, 0
 *     for the last step's weights
 * @param deepSupervision also score side outputs of the decoder's coarser stages (training only;
 *     the MobileNetV2 network)
 */
public record TrainOptions(
    List<Path> data,
    Path output,
    Path checkpoints,
    ModelSpec architecture,
    int epochs,
    int batchSize,
    float learningRate,
    long seed,
    long splitSeed,
    double validationFraction,
    int maxBatchesPerEpoch,
    boolean resume,
    Path cache,
    Path pretrained,
    float encoderRateFactor,
    String loss,
    List<Double> scales,
    float averageDecay,
    boolean deepSupervision) {

  public static final String STRUCTURE_LOSS = "structure";
  public static final String DICE_BCE_LOSS = "dice-bce";

  public TrainOptions {
    if (!STRUCTURE_LOSS.equals(loss) && !DICE_BCE_LOSS.equals(loss)) {
      throw new IllegalArgumentException("loss must be structure or dice-bce, was " + loss);
    }
    scales = List.copyOf(scales);
    if (scales.isEmpty() || scales.stream().anyMatch(f -> !(f >= 0.25 && f <= 4))) {
      throw new IllegalArgumentException("scales must be factors between 0.25 and 4, were " + scales);
    }
    if (deepSupervision && !ModelSpec.MOBILENET_V2.equals(architecture.encoder())) {
      throw new IllegalArgumentException("deep supervision is for the mobilenet_v2 encoder's decoder");
    }
    if (!(averageDecay == 0 || (averageDecay > 0 && averageDecay < 1))) {
      throw new IllegalArgumentException("weight average decay must be 0 (off) or in (0, 1), was " + averageDecay);
    }
  }

  /** The input side of a batch trained at {@code factor}: rounded to a multiple of 32, as PraNet does. */
  public int sideAt(double factor) {
    return Math.max(32, (int) Math.round(architecture.inputSize() * factor / 32) * 32);
  }

  /** A run of the plain U-Net from scratch with BCE + Dice. */
  public TrainOptions(List<Path> data, Path output, Path checkpoints, ModelSpec architecture,
      int epochs, int batchSize, float learningRate, long seed, long splitSeed,
      double validationFraction, int maxBatchesPerEpoch, boolean resume, Path cache) {
    this(data, output, checkpoints, architecture, epochs, batchSize, learningRate, seed, splitSeed,
        validationFraction, maxBatchesPerEpoch, resume, cache, null, 1f, DICE_BCE_LOSS, List.of(1.0), 0f, false);
  }
}
