package org.polypseg.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class QuantumCircuitBlockTest {

  @Test
  void autogradGradientOfInputsEqualsParameterShift() {
    CircuitSpec spec = new CircuitSpec(3, 1);
    QuantumCircuitBlock block = new QuantumCircuitBlock(spec, new StateVectorBackend());
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
      double[] weights = block.weightValues();
      double[] inputs = {0.4, -1.1, 2.0};
      NDArray x = manager.create(new float[] {0.4f, -1.1f, 2.0f}, new Shape(1, 3));
      x.setRequiresGradient(true);
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDArray z = block.forward(new ParameterStore(manager, false), new NDList(x), true)
            .singletonOrThrow();
        // d(sum_i z_i)/dx_j = sum_i J[i][j]
        collector.backward(z.sum());
      }
      float[] grad = x.getGradient().toFloatArray();
      ParameterShift.Gradient expected =
          new ParameterShift(new StateVectorBackend()).gradient(spec, inputs, weights);
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
          sum += expected.dInputs()[i][j];
        }
        assertThat((double) grad[j]).isCloseTo(sum, within(1e-4));
      }
    }
  }

  @Test
  void oneTrainerStepChangesTheCircuitWeights() {
    CircuitSpec spec = new CircuitSpec(4, 2);
    QuantumCircuitBlock block = new QuantumCircuitBlock(spec, new StrangeBackend());
    try (Model model = Model.newInstance("circuit")) {
      model.setBlock(block);
      Loss l2 = Loss.l2Loss();
      DefaultTrainingConfig config = new DefaultTrainingConfig(l2)
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(2, 4));
        double[] before = block.weightValues();
        NDManager m = trainer.getManager();
        NDArray x = m.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f, -0.5f, 0.6f, -0.7f, 0.8f}, new Shape(2, 4));
        NDArray target = m.ones(new Shape(2, 4));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList out = trainer.forward(new NDList(x));
          collector.backward(trainer.getLoss().evaluate(new NDList(target), out));
        }
        trainer.step();
        double[] after = block.weightValues();
        double change = 0;
        for (int i = 0; i < before.length; i++) {
          change += Math.abs(after[i] - before[i]);
        }
        assertThat(change).isGreaterThan(1e-3);
        assertThat(block.circuitRuns()).isEqualTo(2L * (1 + 2 * (4 + spec.weightCount())));
      }
    }
  }
}
