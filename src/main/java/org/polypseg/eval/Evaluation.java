package org.polypseg.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polypseg.data.SamplePair;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelSpec;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * Scores a model on a data folder by the PraNet protocol ({@link PraNetMetrics}), at each image's
 * original size, optionally writing every probability map as an 8-bit grey PNG.
 */
public final class Evaluation {

  private final LoadedModel model;

  public Evaluation(LoadedModel model) {
    this.model = model;
  }

  public EvalResult run(List<SamplePair> pairs, Path predictions, PrintStream log)
      throws ImageReadException, IOException {
    if (predictions != null) {
      Files.createDirectories(predictions);
    }
    QuantumCircuitBlock circuit = model.network().circuit();
    long runsBefore = model.network().circuitRuns();
    MetricsAccumulator all = new MetricsAccumulator();
    List<EvalResult.ImageScore> perImage = new ArrayList<>();
    double diceAt05 = 0;
    double iouAt05 = 0;
    double inferenceMs = 0;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("evaluating")
        .setInitialMax(pairs.size()).setStyle(ProgressBarStyle.ASCII).build()) {
      for (SamplePair pair : pairs) {
        BufferedImage image = Images.readRgb(pair.image());
        boolean[] truth = Images.binaryMask(Images.readRgb(pair.mask()));
        long start = System.nanoTime();
        float[] small = model.predict(image);
        float[] map = model.atImageSize(image, small);
        inferenceMs += (System.nanoTime() - start) / 1e6;
        if (truth.length != map.length) {
          throw new ImageReadException(pair.mask() + ": mask size differs from its image "
              + pair.image().getFileName());
        }
        double[][] scores = PraNetMetrics.score(map, truth);
        all.add(scores);
        double[] half = PraNetMetrics.atHalf(map, truth);
        diceAt05 += half[0];
        iouAt05 += half[1];
        perImage.add(new EvalResult.ImageScore(pair.name(), MetricsAccumulator.mean(scores[0]),
            MetricsAccumulator.mean(scores[1]), half[0], fraction(truth)));
        if (predictions != null) {
          ImageIO.write(Images.greyImage(map, image.getWidth(), image.getHeight()), "png",
              predictions.resolve(pair.name() + ".png").toFile());
        }
        bar.step();
      }
    }
    int n = pairs.size();
    ModelSpec spec = model.info().architecture();
    EvalResult.QuantumRef quantum = circuit == null
        ? new EvalResult.QuantumRef("none", 0, 0, 0)
        : new EvalResult.QuantumRef(circuit.inferenceBackend().name(), spec.qubits(),
            spec.layers(), model.network().circuitRuns() - runsBefore);
    return new EvalResult(n, all.meanDice(), all.meanIou(), all.maxDice(), diceAt05 / n,
        iouAt05 / n, inferenceMs / n,
        new EvalResult.ModelRef(model.info().name(), model.sha256()), quantum,
        model.flipAveraging(), model.fieldOfView(), model.inputSize(),
        (int) perImage.stream().filter(s -> s.dice() < 0.5).count(), EvalResult.bySize(perImage),
        perImage);
  }

  private static double fraction(boolean[] truth) {
    int on = 0;
    for (boolean t : truth) {
      if (t) {
        on++;
      }
    }
    return truth.length == 0 ? 0 : on / (double) truth.length;
  }
}
