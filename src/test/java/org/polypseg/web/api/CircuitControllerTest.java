package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polypseg.segment.CircuitExport;
import org.polypseg.segment.CircuitInputException;
import org.polypseg.segment.ModelOverview;
import org.polypseg.segment.ModelSummary;

/** Which circuit the API exports when a model has one at each decoder stage too. */
class CircuitControllerTest {

  private static final ModelSummary MODEL =
      new ModelSummary("m", "0".repeat(64), "strange", 2, 1, 64, 2);

  private final CircuitController controller = new CircuitController(overview());

  @Test
  void theCircuitParameterPicksOneCircuitAndEachHasItsOwnWeights() {
    assertThat(controller.qasm3(0).getBody()).doesNotContain("decoder stage");
    assertThat(controller.qasm3(1).getBody())
        .contains("// circuit 1 of the model's 2 (0 = bottleneck): decoder stage 1");
    assertThat(controller.expectations("0.1,0.2", 1).expectations())
        .isNotEqualTo(controller.expectations("0.1,0.2", 0).expectations());
    assertThat(controller.qasm2("0.1,0.2", 1).getBody()).startsWith("OPENQASM 2.0;");
  }

  @Test
  void aCircuitOutOfRangeIsAProblemNamingTheNumberAndTheRange() {
    assertThatThrownBy(() -> controller.qasm3(2))
        .isInstanceOf(CircuitInputException.class)
        .hasMessageContaining("circuit 2 is out of range")
        .hasMessageContaining("allowed 0 to 1 (0 = bottleneck, 1 = decoder stage 1");
  }

  private static ModelOverview overview() {
    double[] weights = {0.1, 0.2, 0.3, 0.4};
    CircuitExport bottleneck = CircuitExport.of(2, 1, "ring", "ry", "z", weights)
        .placed(0, 2, "bottleneck");
    CircuitExport stage = CircuitExport.of(2, 1, "ring", "ry", "z", new double[] {1, 2, 3, 4})
        .placed(1, 2, "decoder stage 1 (1/2 of the input, 8 channels)");
    return new ModelOverview(MODEL, "plain", 4, 1, "quantum", false, List.of(new int[] {0, 1}),
        weights, Map.of(), Optional.empty(), Optional.empty(), "decoder",
        List.of(bottleneck, stage), true);
  }
}
