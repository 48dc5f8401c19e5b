package org.polypseg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polypseg.data.DataFolder;
import org.polypseg.data.SamplePair;
import org.polypseg.eval.EvalResult;
import org.polypseg.eval.Evaluation;
import org.polypseg.data.ValidationSplit;
import org.polypseg.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Score the model on a data folder by the PraNet protocol (mDice, mIoU, maxDice).")
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, description = "data folder with images/ and masks/")
  Path data;

  @Option(names = "--json", description = "write the result as JSON here")
  Path json;

  @Option(names = "--predictions", description = "write each probability map as an 8-bit PNG here")
  Path predictions;

  @Option(names = "--validation-split", paramLabel = "SEED",
      description = "score only the part of --data that train --split-seed SEED held out for validation"
          + " (to choose settings without looking at a test set)")
  Long validationSeed;

  @Option(names = "--val-fraction", defaultValue = "0.1", description = "with --validation-split, as in train")
  double valFraction;

  @Mixin ModelOption modelOption;

  @Override
  public Integer call() throws Exception {
    List<SamplePair> pairs = DataFolder.scan(data);
    if (validationSeed != null) {
      pairs = ValidationSplit.of(pairs, valFraction, validationSeed).validation();
    }
    EvalResult result;
    try (LoadedModel model = modelOption.load()) {
      result = new Evaluation(model).run(pairs, predictions, System.out);
    }
    System.out.printf("%n%-18s %s%n", "data", data);
    System.out.printf("%-18s %d%n", "images", result.images());
    System.out.printf("%-18s %.4f%n", "mDice", result.mDice());
    System.out.printf("%-18s %.4f%n", "mIoU", result.mIoU());
    System.out.printf("%-18s %.4f%n", "maxDice", result.maxDice());
    System.out.printf("%-18s %.4f%n", "Dice @0.5", result.diceAt05());
    System.out.printf("%-18s %.4f%n", "IoU @0.5", result.iouAt05());
    System.out.printf("%-18s %d of %d%n", "mDice below 0.5", result.belowHalf(), result.images());
    System.out.printf("%-18s %s%n", "by polyp size", "images   mDice   Dice @0.5");
    for (EvalResult.SizeBin bin : result.bySize()) {
      System.out.printf("%18s %6d   %s   %s%n", bin.range(), bin.images(), score(bin.mDice()),
          score(bin.diceAt05()));
    }
    System.out.printf("%-18s %.1f at %d²%s%n", "inference ms/img", result.meanInferenceMs(),
        result.inputSize(), result.flipAveraging() ? " (with flip averaging)" : "");
    System.out.printf("%-18s %s (%d qubits, %d layers, %d circuit runs)%n", "quantum",
        result.quantum().backend(), result.quantum().qubits(), result.quantum().layers(),
        result.quantum().circuitRuns());
    JsonOutput.write(json, result);
    return 0;
  }

  private static String score(Double value) {
    return value == null ? "    -" : String.format("%.3f", value);
  }
}
