package org.polypseg.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded split of the training pairs into a training part and a validation part. */
public record ValidationSplit(List<SamplePair> train, List<SamplePair> validation) {

  /** Shuffles with {@code seed} and holds out {@code fraction} (at least one pair) for validation. */
  public static ValidationSplit of(List<SamplePair> pairs, double fraction, long seed) {
    List<SamplePair> shuffled = new ArrayList<>(pairs);
    Collections.shuffle(shuffled, new Random(seed));
    int validation = Math.max(1, (int) Math.round(pairs.size() * fraction));
    if (validation >= pairs.size()) {
      throw new IllegalArgumentException("need at least two pairs to hold some out for validation");
    }
    return new ValidationSplit(
        List.copyOf(shuffled.subList(validation, shuffled.size())),
        List.copyOf(shuffled.subList(0, validation)));
  }
}
