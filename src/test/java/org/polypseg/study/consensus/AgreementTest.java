package org.polypseg.study.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.polypseg.study.consensus.StapleTest.pixels;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

  @Test
  void diceIsTwiceTheOverlapOverTheSizes() {
    // |A| = 3, |B| = 2, |A ∩ B| = 1: 2·1 / 5
    assertThat(Agreement.dice(pixels(6, 0, 1, 2), pixels(6, 2, 5))).isEqualTo(0.4);
    assertThat(Agreement.dice(pixels(4, 1), pixels(4, 1))).isEqualTo(1);
    assertThat(Agreement.dice(pixels(4, 1), pixels(4, 2))).isZero();
    assertThat(Agreement.dice(pixels(4, 1), new boolean[4])).isZero();
    assertThat(Agreement.dice(new boolean[4], new boolean[4])).as("both say: no polyp").isEqualTo(1);
  }

  @Test
  void majorityVoteNeedsMoreThanHalfOfTheRaters() {
    boolean[][] three = {pixels(4, 0, 1), pixels(4, 0, 2), pixels(4, 0)};
    assertThat(Agreement.majorityVote(three)).containsExactly(true, false, false, false);
    boolean[][] four = {pixels(3, 0, 1), pixels(3, 0, 1), pixels(3, 0), pixels(3, 2)};
    // pixel 0: 3 of 4; pixel 1: 2 of 4, a tie, so background; pixel 2: 1 of 4
    assertThat(Agreement.majorityVote(four)).containsExactly(true, false, false);
  }

  @Test
  void pairwiseAndMeanDiceAndTheFramesDisagreement() {
    boolean[][] masks = {pixels(6, 0, 1, 2), pixels(6, 2, 5), pixels(6, 0, 1, 2)};
    double[][] dice = Agreement.pairwiseDice(masks);
    assertThat(dice[0]).containsExactly(1, 0.4, 1);
    assertThat(dice[1]).containsExactly(0.4, 1, 0.4);
    assertThat(dice[2]).containsExactly(1, 0.4, 1);
    assertThat(Agreement.meanDiceAgainstOthers(dice)).containsExactly(0.7, 0.4, 0.7);
    // pairs: 0.4, 1, 0.4 → mean 0.6
    assertThat(Agreement.disagreement(dice)).isCloseTo(0.4, within(1e-12));
    assertThat(Agreement.diceAgainst(pixels(6, 0, 1, 2), masks)).containsExactly(1, 0.4, 1);
  }

  @Test
  void theAnalysisAveragesOverFramesAndListsTheMostDisputedFirst() {
    ConsensusAnalysis analysis = new ConsensusAnalysis(List.of("anna", "ben"));
    analysis.add("calm.png", new boolean[][] {pixels(4, 0, 1), pixels(4, 0, 1)});
    analysis.add("disputed.png", new boolean[][] {pixels(4, 0), pixels(4, 3)});
    analysis.add("some.png", new boolean[][] {pixels(4, 0, 1, 2), pixels(4, 0)});
    ConsensusResult result = analysis.result();
    // Dice per frame: 1, 0, 0.5
    assertThat(result.pairwiseDice(0, 1)).isCloseTo(0.5, within(1e-12));
    assertThat(result.meanDice(0)).isCloseTo(0.5, within(1e-12));
    assertThat(result.framesByDisagreement()).extracting(FrameDisagreement::frame)
        .containsExactly("disputed.png", "some.png", "calm.png");
    assertThat(result.framesByDisagreement().getFirst().disagreement()).isEqualTo(1);

    AgreementFigures figures = AgreementFigures.of(result, new double[] {0.9, 0.8});
    assertThat(figures.frames()).isEqualTo(3);
    assertThat(figures.raters()).containsExactly("anna", "ben");
    assertThat(figures.pairwiseDice()).singleElement()
        .satisfies(pair -> assertThat(pair.raters()).containsExactly("anna", "ben"));
    assertThat(figures.consensusDice()).containsEntry("ben", 0.8);
  }
}
