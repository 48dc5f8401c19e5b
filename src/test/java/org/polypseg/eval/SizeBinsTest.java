package org.polypseg.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The polyp-size groups of {@code evaluate}: each image in exactly one group, edges upward. */
class SizeBinsTest {

  private static EvalResult.ImageScore image(String name, double dice, double at05, double fraction) {
    return new EvalResult.ImageScore(name, dice, dice, at05, fraction);
  }

  @Test
  void imagesFallIntoTheGroupOfTheirPolypsShareOfTheFrame() {
    List<EvalResult.SizeBin> bins = EvalResult.bySize(List.of(
        image("tiny", 0.2, 0.1, 0.004),
        image("edge", 0.6, 0.5, 0.01), // exactly 1 %: the 1-3 % group
        image("small", 0.8, 0.7, 0.02),
        image("large", 0.9, 0.95, 0.30),
        image("larger", 0.7, 0.75, 0.50)));
    assertThat(bins).extracting(EvalResult.SizeBin::range)
        .containsExactly("under 1 %", "1-3 %", "3-10 %", "over 10 %");
    assertThat(bins).extracting(EvalResult.SizeBin::images).containsExactly(1, 2, 0, 2);
    assertThat(bins.get(0).mDice()).isCloseTo(0.2, within(1e-12));
    assertThat(bins.get(1).mDice()).isCloseTo(0.7, within(1e-12));
    assertThat(bins.get(1).diceAt05()).isCloseTo(0.6, within(1e-12));
    assertThat(bins.get(2).mDice()).as("an empty group has no mean, not 0").isNull();
    assertThat(bins.get(3).diceAt05()).isCloseTo(0.85, within(1e-12));
  }
}
