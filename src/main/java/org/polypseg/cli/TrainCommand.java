package org.polypseg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polypseg.model.ModelSpec;
import org.polypseg.train.EpochRecord;
import org.polypseg.train.ModelTrainer;
import org.polypseg.train.TrainOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the hybrid U-Net on one or more data folders (each with images/ and masks/).")
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
  @Option(names = "--lr", defaultValue = "0.002", description = "peak learning rate") float learningRate;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--split-seed", description = "seed of the validation split (default: --seed)") Long splitSeed;
  @Option(names = "--cache", description = "folder for decoded samples (default: the checkpoint folder)") Path cache;
  @Option(names = "--size", defaultValue = "256", description = "input side in pixels") int size;
  @Option(names = "--base-channels", defaultValue = "16") int baseChannels;
  @Option(names = "--depth", defaultValue = "4") int depth;
  @Option(names = "--mixer", defaultValue = "quantum", description = "quantum or classical (ablation)") String mixer;
  @Option(names = "--qubits", defaultValue = "4") int qubits;
  @Option(names = "--layers", defaultValue = "2") int layers;
  @Option(names = "--val-fraction", defaultValue = "0.1") double valFraction;
  @Option(names = "--max-batches", defaultValue = "0", description = "batches per epoch, 0 = all (smoke tests)")
  int maxBatches;

  @Override
  public Integer call() throws Exception {
    ModelSpec spec;
    try {
      spec = new ModelSpec(baseChannels, depth, size, mixer, qubits, layers);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    if (epochs < 1 || batchSize < 1) {
      throw new UserError("--epochs and --batch-size must be at least 1");
    }
    TrainOptions options = new TrainOptions(data, out, checkpoints, spec, epochs, batchSize,
        learningRate, seed, splitSeed == null ? seed : splitSeed, valFraction, maxBatches, resume,
        cache);
    List<EpochRecord> history = new ModelTrainer(options, System.out).train();
    EpochRecord best = history.stream().max(java.util.Comparator.comparingDouble(EpochRecord::validationDice)).orElseThrow();
    System.out.printf("done: best validation Dice %.4f at epoch %d; model in %s%n",
        best.validationDice(), best.epoch(), out);
    return 0;
  }
}
