package org.polypseg.bench;

/**
 * Figures of one benchmark run, all measured in the same process.
 *
 * @param inferenceMsP50 median wall time of one image at the model's input size, ms
 * @param inferenceMsP95 95th percentile of the same, ms
 * @param trainStepMs median wall time of one training step (forward, backward, Adam), ms
 * @param circuitMsStrange one circuit run on Strange, ms (mean)
 * @param circuitMsStateVector one circuit run on the state-vector simulator, ms (mean)
 * @param inferenceGflops the model's conv FLOPs per image / median inference time, GFLOP/s
 * @param matmulGflops a 2048x2048 float matrix product in the same engine, GFLOP/s (best of runs)
 */
public record BenchmarkResult(
    double inferenceMsP50,
    double inferenceMsP95,
    double trainStepMs,
    double circuitMsStrange,
    double circuitMsStateVector,
    double inferenceGflops,
    double matmulGflops) {}
