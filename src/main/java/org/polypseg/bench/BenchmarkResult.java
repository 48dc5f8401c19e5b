package org.polypseg.bench;

/**
 * Figures of one benchmark run, all measured in the same process.
 *
 * @param inferenceMsP50 median wall time of one image at the model's input size, ms
 * @param inferenceMsP95 95th percentile of the same, ms
 * @param trainStepMs median wall time of one training step (forward, backward, Adam), ms
 * @param trainStepCircuitMs of which the circuits, all of them with placement decoder (forward
 *     runs and parameter-shift runs), ms
 * @param circuitMsStrange one circuit run on Strange, ms (mean)
 * @param circuitMsStateVector one circuit run on the state-vector simulator, ms (mean)
 * @param flipAveraging whether inference averaged each image with its mirror (2 forward passes)
 * @param inferenceGflops the model's conv FLOPs per inference / median inference time, GFLOP/s
 * @param matmulGflops a 2048x2048 float matrix product in the same engine, GFLOP/s (best of runs)
 * @param circuitMsShotsNoise one image's circuit as a device would run it, ms (mean): 1024 shots
 *     from the noisy density matrix ({@link Benchmark#BENCH_NOISE}), on the 4-qubit, 2-layer
 *     default circuit
 * @param video clip throughput at 384x288 and 622x530 against single-image inference; empty when
 *     not measured ({@code --video-frames 0})
 */
public record BenchmarkResult(
    double inferenceMsP50,
    double inferenceMsP95,
    double trainStepMs,
    double trainStepCircuitMs,
    double circuitMsStrange,
    double circuitMsStateVector,
    boolean flipAveraging,
    double inferenceGflops,
    double matmulGflops,
    double circuitMsShotsNoise,
    java.util.List<VideoThroughput> video) {}
