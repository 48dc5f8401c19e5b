package org.polypseg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polypseg.bench.Benchmark;
import org.polypseg.bench.VideoMemory;
import org.polypseg.bench.BenchmarkResult;
import org.polypseg.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Measure inference, a training step, the circuit on both backends, GFLOP/s,"
        + " and clip throughput against single-image inference.")
final class BenchmarkCommand implements Callable<Integer> {

  @Option(names = "--json", description = "write the figures as JSON here")
  Path json;

  @Option(names = "--runs", defaultValue = "50", description = "inference runs (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--train-steps", defaultValue = "5") int trainSteps;

  @Option(names = "--train-batch", defaultValue = "8") int trainBatch;

  @Option(names = "--video-frames", defaultValue = "100", paramLabel = "N",
      description = "frames of each synthetic clip (384x288 and 622x530) for the end-to-end video"
          + " throughput against single-image inference; 0 = skip (default: ${DEFAULT-VALUE})")
  int videoFrames;

  @Option(names = "--video-workers", defaultValue = "1", paramLabel = "N",
      description = "frames of a clip in the model at once, each on a thread of its own, as the "
          + "server's inference pool runs them (its polypseg.inference.workers; give PyTorch one "
          + "thread each with -Dai.djl.pytorch.num_threads=1); default: ${DEFAULT-VALUE}")
  int videoWorkers;

  @Option(names = "--video-memory-minutes", defaultValue = "0", paramLabel = "M",
      description = "measure only what an M-minute synthetic 384x288 clip at stride 1 costs the "
          + "server's resident memory, through its own video jobs, with a stand-in for the network"
          + " (see the README); 0 = the usual benchmark (default: ${DEFAULT-VALUE})")
  double videoMemoryMinutes;

  @Mixin ModelOption modelOption;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || trainSteps < 1 || trainBatch < 1) {
      throw new UserError("--runs, --train-steps and --train-batch must be at least 1");
    }
    if (videoWorkers < 1) {
      throw new UserError("--video-workers must be at least 1");
    }
    if (videoFrames < 0) {
      throw new UserError("--video-frames must be 0 (skip) or more");
    }
    if (videoMemoryMinutes < 0) {
      throw new UserError("--video-memory-minutes must be 0 (off) or more");
    }
    if (videoMemoryMinutes > 0) {
      JsonOutput.write(json, new VideoMemory(System.out).measure(videoMemoryMinutes));
      return 0;
    }
    BenchmarkResult result;
    try (LoadedModel model = modelOption.load()) {
      result = new Benchmark(model, System.out)
          .run(runs, trainSteps, trainBatch, videoFrames, videoWorkers);
    }
    JsonOutput.write(json, result);
    return 0;
  }
}
