package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polypseg.segment.ModelSummary;

/** What the reports say of the model's circuits. */
class ReportWordingTest {

  private final ReportWording wording =
      new ReportWording(ReportTexts.load(ReportTemplates.defaults().pdf()), null, null);

  @Test
  void aModelWithCircuitsAtItsDecoderStagesSaysHowManyAndWhere() {
    String text = wording.quantum(new ModelSummary("m", "0".repeat(64), "strange", 4, 2, 352, 4));
    assertThat(text).contains("4 qubits, 2 entangling layers, simulated exactly by Strange",
        "4 such circuits", "one at the bottleneck and one gating each of the 3 decoder stages");
  }

  @Test
  void aModelWithOneCircuitReadsAsItAlwaysDid() {
    assertThat(wording.quantum(new ModelSummary("m", "0".repeat(64), "strange", 4, 2, 352)))
        .isEqualTo("4 qubits, 2 entangling layers, simulated exactly by Strange");
  }
}
