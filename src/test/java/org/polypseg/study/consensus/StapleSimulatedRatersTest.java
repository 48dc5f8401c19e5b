package org.polypseg.study.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.testing.SyntheticData;

/**
 * STAPLE finds the sensitivity and specificity of raters simulated on real polyp masks: each
 * rater marks a true polyp pixel with probability p and a background pixel with probability
 * 1 − q, independently (STAPLE's own model of a rater). Runs where ../shared/datasets exists.
 */
class StapleSimulatedRatersTest {

  private static final int FRAMES = 24;

  @Test
  void estimatesEachRatersSensitivityAndSpecificityWithinTwoHundredths() throws Exception {
    List<boolean[]> truths = realMasks();
    double[] sensitivity = {0.95, 0.85, 0.70};
    double[] specificity = {0.99, 0.96, 0.92};
    Random random = new Random(20040701L);
    DecisionPatterns patterns = new DecisionPatterns(3);
    List<boolean[][]> frames = new ArrayList<>();
    for (boolean[] truth : truths) {
      boolean[][] masks = new boolean[3][];
      for (int j = 0; j < 3; j++) {
        masks[j] = simulate(truth, sensitivity[j], specificity[j], random);
      }
      patterns.add(masks);
      frames.add(masks);
    }
    StapleResult result = Staple.estimate(patterns);

    assertThat(result.converged()).isTrue();
    for (int j = 0; j < 3; j++) {
      assertThat(result.sensitivity(j)).as("rater %d's sensitivity", j)
          .isCloseTo(sensitivity[j], within(0.02));
      assertThat(result.specificity(j)).as("rater %d's specificity", j)
          .isCloseTo(specificity[j], within(0.02));
    }
    // The consensus is nearer the truth than the best rater alone.
    double consensusDice = 0;
    double bestRaterDice = 0;
    for (int f = 0; f < frames.size(); f++) {
      consensusDice += Agreement.dice(result.consensus(frames.get(f)), truths.get(f));
      bestRaterDice += Agreement.dice(frames.get(f)[0], truths.get(f));
    }
    assertThat(consensusDice).isGreaterThan(bestRaterDice);
  }

  private static boolean[] simulate(boolean[] truth, double p, double q, Random random) {
    boolean[] mask = new boolean[truth.length];
    for (int i = 0; i < truth.length; i++) {
      mask[i] = truth[i] ? random.nextDouble() < p : random.nextDouble() >= q;
    }
    return mask;
  }

  /** The first {@link #FRAMES} masks of the training set, by name, as truth. */
  private static List<boolean[]> realMasks() throws IOException, ImageReadException {
    Path datasets = SyntheticData.realDatasets();
    assumeTrue(datasets != null, "../shared/datasets not present");
    Path dir = datasets.resolve("TrainDataset/masks");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.toString().endsWith(".png")).sorted().limit(FRAMES).toList();
    }
    assertThat(files).hasSize(FRAMES);
    List<boolean[]> truths = new ArrayList<>();
    for (Path file : files) {
      truths.add(Masks.truth(Images.readRgb(file), file.toString()));
    }
    return truths;
  }
}
