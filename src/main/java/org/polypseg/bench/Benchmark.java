package org.polypseg.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.polypseg.model.SegmentationNetwork;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelSpec;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.CircuitExecution;
import org.polypseg.quantum.CircuitSpec;
import org.polypseg.quantum.NoiseModel;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.quantum.StrangeBackend;
import org.polypseg.segment.SegmentationService;
import org.polypseg.train.DiceBceLoss;
import org.polypseg.train.StructureLoss;

/** Measures inference, a training step, the circuit on both backends and a matmul reference. */
public final class Benchmark {

  /** The noise of the shots-and-noise circuit figure: depolarising 1 %, damping 0.5 %, read-out 2 %. */
  public static final NoiseModel BENCH_NOISE = new NoiseModel(0.01, 0.005, 0.02);

  private final LoadedModel model;
  private final PrintStream log;

  public Benchmark(LoadedModel model, PrintStream log) {
    this.model = model;
    this.log = log;
  }

  public BenchmarkResult run(int inferenceRuns, int trainSteps, int trainBatch) {
    return run(inferenceRuns, trainSteps, trainBatch, 0, 1);
  }

  /**
   * @param videoFrames frames of each synthetic clip for the video throughput (0: not measured)
   * @param videoWorkers frames of a clip in the model at once, each on its own thread
   */
  public BenchmarkResult run(int inferenceRuns, int trainSteps, int trainBatch, int videoFrames,
      int videoWorkers) {
    double[] inference = inference(inferenceRuns);
    double p50 = percentile(inference, 0.50);
    double p95 = percentile(inference, 0.95);
    log.printf("inference: p50 %.1f ms, p95 %.1f ms (%d runs%s)%n", p50, p95, inference.length,
        model.flipAveraging() ? ", each with flip averaging" : "");
    double[] step = trainStep(trainSteps, trainBatch);
    int circuits = model.network().circuits().size();
    log.printf("training step (batch %d): %.0f ms, of which the circuit%s %.1f ms (%.2f%%)%n",
        trainBatch, step[0], circuits > 1 ? "s (" + circuits + ")" : "", step[1], 100 * step[1] / step[0]);
    ModelSpec spec = model.info().architecture();
    CircuitSpec circuit = spec.quantum() ? spec.circuitSpec()
        : new CircuitSpec(Math.max(1, Math.min(spec.qubits(), CircuitSpec.MAX_QUBITS)), Math.max(1, spec.layers()));
    double strange = circuitMs(new StrangeBackend(), circuit, 200);
    double stateVector = circuitMs(new StateVectorBackend(), circuit, 20_000);
    log.printf("circuit run: Strange %.3f ms, state vector %.4f ms%n", strange, stateVector);
    CircuitBackend device = new CircuitExecution(1024, BENCH_NOISE, 1).backend(new StateVectorBackend());
    double shotsNoise = circuitMs(device, new CircuitSpec(4, 2), 2_000);
    log.printf("circuit run with 1024 shots and noise (4 qubits, 2 layers, density matrix): %.3f ms%n",
        shotsNoise);
    double flops = model.network().flopsPerImage() * (model.flipAveraging() ? 2 : 1);
    double gflops = flops / (p50 / 1e3) / 1e9;
    double matmul = matmulGflops(2048, 5);
    log.printf("inference %.1f GFLOP/s (%.2f GFLOP per inference) vs matmul %.1f GFLOP/s: %.0f%%%n",
        gflops, flops / 1e9, matmul, 100 * gflops / matmul);
    List<VideoThroughput> video = videoFrames > 0
        ? new VideoBenchmark(new SegmentationService(model), log, videoWorkers).run(videoFrames) : List.of();
    return new BenchmarkResult(p50, p95, step[0], step[1], strange, stateVector,
        model.flipAveraging(), gflops, matmul, shotsNoise, video);
  }

  private double[] inference(int runs) {
    int size = model.inputSize();
    Random random = new Random(1);
    float[] input = new float[3 * size * size];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < 5; i++) {
      model.predictBatch(input, 1);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      model.predictBatch(input, 1);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  /** Median step time and median time of all circuits within a step, ms. */
  private double[] trainStep(int steps, int batch) {
    ModelSpec spec = model.info().architecture();
    int size = spec.inputSize();
    SegmentationNetwork network = SegmentationNetwork.create(spec, new StrangeBackend());
    try (Model m = Model.newInstance("benchmark")) {
      m.setBlock(network);
      // The loss the shipped model's encoder trains with (plain models: BCE + Dice).
      DefaultTrainingConfig config = new DefaultTrainingConfig(
              spec.pretrainedEncoder() ? new StructureLoss() : new DiceBceLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = m.newTrainer(config)) {
        trainer.initialize(new Shape(batch, 3, size, size));
        double[] ms = new double[steps];
        double[] circuitMs = new double[steps];
        for (int i = -2; i < steps; i++) {
          try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.randomNormal(new Shape(batch, 3, size, size));
            NDArray y = scope.randomUniform(0, 1, new Shape(batch, 1, size, size)).gt(0.7)
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            long circuitBefore = network.circuitNanos();
            long start = System.nanoTime();
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList out = trainer.forward(new NDList(x));
              collector.backward(trainer.getLoss().evaluate(new NDList(y), out));
            }
            trainer.step();
            if (i >= 0) {
              ms[i] = (System.nanoTime() - start) / 1e6;
              long circuitAfter = network.circuitNanos();
              circuitMs[i] = (circuitAfter - circuitBefore) / 1e6;
            }
          }
        }
        return new double[] {percentile(ms, 0.5), percentile(circuitMs, 0.5)};
      }
    }
  }

  private static double circuitMs(CircuitBackend backend, CircuitSpec spec, int runs) {
    Random random = new Random(7);
    double[] inputs = new double[spec.qubits()];
    double[] weights = new double[spec.weightCount()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble() * 2 * Math.PI;
    }
    for (int i = 0; i < Math.min(runs, 50); i++) {
      backend.expectations(spec, inputs, weights);
    }
    long start = System.nanoTime();
    double sink = 0;
    for (int i = 0; i < runs; i++) {
      inputs[i % inputs.length] = random.nextDouble();
      sink += backend.expectations(spec, inputs, weights)[0];
    }
    double ms = (System.nanoTime() - start) / 1e6 / runs;
    return Double.isNaN(sink) ? Double.NaN : ms;
  }

  private static double matmulGflops(int n, int runs) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.randomUniform(-1, 1, new Shape(n, n));
      NDArray b = manager.randomUniform(-1, 1, new Shape(n, n));
      double best = Double.MAX_VALUE;
      for (int i = 0; i < runs + 1; i++) {
        try (NDManager scope = manager.newSubManager()) {
          long start = System.nanoTime();
          NDArray c = a.matMul(b);
          c.attach(scope);
          c.toFloatArray(); // forces completion
          double s = (System.nanoTime() - start) / 1e9;
          if (i > 0) {
            best = Math.min(best, s);
          }
        }
      }
      return 2.0 * n * n * n / best / 1e9;
    }
  }

  static double percentile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
