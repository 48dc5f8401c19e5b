package org.polypseg.quantum;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The variational circuit as a DJL block: input (B, n) encoding angles in radians, output (B, m)
 * expectation values of the circuit's m observables (⟨Z_i⟩ by default, m = n), with the circuit's
 * rotation angles as a trainable parameter.
 *
 * <p>The circuit is evaluated outside PyTorch, so autograd cannot see through it. In training we
 * compute the exact Jacobians by {@link ParameterShift} and return {@code z + J_in·(a − sg(a)) +
 * J_w·(w − sg(w))}, where sg stops the gradient: the added terms are zero in value, and their
 * gradients are exactly the circuit's Jacobians. One {@code Trainer.step()} therefore updates the
 * circuit weights together with the classical ones.
 *
 * <p>Training runs the circuit on the {@link StateVectorBackend} (one value and 2 runs per angle for
 * every image), or with shots and noise when {@link #setTrainingBackend} says so; inference runs it
 * once per image on the configured backend (Strange by default).
 */
public final class QuantumCircuitBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final CircuitSpec spec;
  private final Parameter weights;
  private volatile ParameterShift trainingGradients = new ParameterShift(new StateVectorBackend());
  private final AtomicLong circuitRuns = new AtomicLong();
  private final AtomicLong circuitNanos = new AtomicLong();
  private volatile CircuitBackend inferenceBackend;

  public QuantumCircuitBlock(CircuitSpec spec, CircuitBackend inferenceBackend) {
    super(VERSION);
    if (spec.layers() < 1) {
      throw new IllegalArgumentException("the circuit block needs at least one trainable layer");
    }
    this.spec = spec;
    this.inferenceBackend = inferenceBackend;
    this.weights =
        addParameter(
            // Type OTHER: the training config's Xavier initializer is meant for weight matrices
            // and would otherwise replace this uniform one.
            Parameter.builder()
                .setName("circuitWeights")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(spec.weightCount()))
                .optInitializer(new UniformInitializer((float) Math.PI))
                .build());
  }

  public CircuitSpec spec() {
    return spec;
  }

  public CircuitBackend inferenceBackend() {
    return inferenceBackend;
  }

  public void setInferenceBackend(CircuitBackend backend) {
    this.inferenceBackend = backend;
  }

  /**
   * Sets the backend whose parameter-shift gradients training uses (default: the exact state
   * vector), e.g. a {@link SampledBackend} to train with shots.
   */
  public void setTrainingBackend(CircuitBackend backend) {
    this.trainingGradients = new ParameterShift(backend);
  }

  /** Circuit executions since this block was created (parameter-shift runs included). */
  public long circuitRuns() {
    return circuitRuns.get();
  }

  /** Wall time spent running the circuit (and its parameter shifts) since creation, nanoseconds. */
  public long circuitNanos() {
    return circuitNanos.get();
  }

  /** The current circuit weights, radians. */
  public double[] weightValues() {
    float[] values = weights.getArray().toFloatArray();
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    long start = System.nanoTime();
    try {
      return run(parameterStore, inputs.singletonOrThrow(), training);
    } finally {
      circuitNanos.addAndGet(System.nanoTime() - start);
    }
  }

  private NDList run(ParameterStore parameterStore, NDArray angles, boolean training) {
    NDArray w = parameterStore.getValue(weights, angles.getDevice(), training);
    int batch = Math.toIntExact(angles.getShape().get(0));
    int n = spec.qubits();
    int m = spec.outputCount();
    double[] wv = toDoubles(w.toFloatArray());
    float[] av = angles.toType(DataType.FLOAT32, false).toFloatArray();
    NDManager manager = angles.getManager();
    if (!training) {
      float[] z = new float[batch * m];
      for (int b = 0; b < batch; b++) {
        double[] values = inferenceBackend.expectations(spec, row(av, b, n), wv);
        copyInto(values, z, b * m);
      }
      circuitRuns.addAndGet(batch);
      return new NDList(manager.create(z, new Shape(batch, m)));
    }
    int wc = spec.weightCount();
    ParameterShift gradients = trainingGradients;
    float[] z = new float[batch * m];
    float[] jIn = new float[batch * m * n];
    float[] jW = new float[batch * m * wc];
    for (int b = 0; b < batch; b++) {
      ParameterShift.Gradient g = gradients.gradient(spec, row(av, b, n), wv);
      copyInto(g.values(), z, b * m);
      for (int i = 0; i < m; i++) {
        copyInto(g.dInputs()[i], jIn, (b * m + i) * n);
        copyInto(g.dWeights()[i], jW, (b * m + i) * wc);
      }
      circuitRuns.addAndGet(g.circuitRuns());
    }
    NDArray value = manager.create(z, new Shape(batch, m));
    NDArray angleDelta = angles.sub(angles.stopGradient()).reshape(batch, n, 1);
    NDArray inputTerm =
        manager.create(jIn, new Shape(batch, m, n)).batchMatMul(angleDelta).reshape(batch, m);
    NDArray weightDelta = w.sub(w.stopGradient()).reshape(1, wc, 1).repeat(0, batch);
    NDArray weightTerm =
        manager.create(jW, new Shape(batch, m, wc)).batchMatMul(weightDelta).reshape(batch, m);
    return new NDList(value.add(inputTerm).add(weightTerm));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), spec.outputCount())};
  }

  private static double[] row(float[] values, int b, int n) {
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      row[i] = values[b * n + i];
    }
    return row;
  }

  private static double[] toDoubles(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }

  private static void copyInto(double[] source, float[] target, int offset) {
    for (int i = 0; i < source.length; i++) {
      target[offset + i] = (float) source[i];
    }
  }
}
