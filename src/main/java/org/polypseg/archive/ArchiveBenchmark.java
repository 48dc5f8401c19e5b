package org.polypseg.archive;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationService;
import org.polypseg.video.FrameInference;

/**
 * Frames per second of the archive job against the command line's own batch rate on the same
 * frames, and of one core against two. The command line's rate is the {@code video} command's
 * way of running frames: a frame per core at once, one PyTorch thread each, each frame read,
 * segmented and its figures made. The job's rate is frames over the job's time from its first task
 * to its tables written (Spark's start-up, a few seconds once per run, is shown apart).
 */
public final class ArchiveBenchmark {

  /**
   * The figures of one benchmark run, frames per second.
   *
   * @param frames frames in each measurement
   * @param cores cores of this machine
   * @param cliFramesPerSecond the command line's batch rate
   * @param local2FramesPerSecond the job on local[2]
   * @param local1FramesPerSecond the job on local[1], its JVM held to one core when {@code
   *     local1Pinned} (else local[1]'s read-ahead, Spark's threads and the garbage collector use
   *     the second core too, and "one core" is more than one core's worth)
   * @param local1Pinned whether local[1] ran held to one core ({@code taskset}, Linux)
   * @param local1UnpinnedFramesPerSecond local[1] with every core of the machine free to use
   * @param local2StartSeconds Spark's start-up for local[2], seconds
   * @param jobVsCli local2 / cli (the target: at least 0.9)
   * @param twoCoresVsOne local2 / local1 (target: at least 1.7)
   * @param loadAverage the machine's load average over the last minute when it ended (another
   *     process busy on the same cores lowers every figure and the ratios)
   */
  public record Result(int frames, int cores, double cliFramesPerSecond,
      double local2FramesPerSecond, double local1FramesPerSecond, boolean local1Pinned,
      double local1UnpinnedFramesPerSecond, double local2StartSeconds,
      double jobVsCli, double twoCoresVsOne, double loadAverage) {}

  private ArchiveBenchmark() {}

  /**
   * Runs the three measurements on the first {@code count} frames of {@code folder}.
   *
   * @param work a scratch folder for the path list and the job's output
   */
  public static Result run(Path folder, int count, ArchiveSettings model, Path work,
      PrintStream log) {
    // As the video command and the job's tasks run: one PyTorch thread per frame in flight.
    System.setProperty(ExecutorModel.INTRA_OP, "1");
    System.setProperty(ExecutorModel.INTER_OP, "1");
    List<Path> frames = frames(folder, count);
    if (frames.isEmpty()) {
      throw new ArchiveInputException(folder + ": no frames ("
          + String.join(", ", ArchiveInputs.FRAME_EXTENSIONS.stream().sorted().toList()) + ")");
    }
    ArchiveJob.checkSettings(model, null);
    Path list = work.resolve("frames.txt");
    try {
      Files.createDirectories(work);
      Files.writeString(list, frames.stream().map(p -> p.toAbsolutePath().toString())
          .collect(Collectors.joining("\n")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int cores = Runtime.getRuntime().availableProcessors();

    double cli = cliRate(frames, model, Math.min(2, cores), log);

    // A first small job loads this JVM's model, so that neither measured job pays for it.
    job("local[2]", list(frames.subList(0, Math.min(4, frames.size())), work, "warm-up"),
        model, work.resolve("warm-up-out"), log, "warm-up");
    double[] two = job("local[2]", list, model, work.resolve("local2-out"), log, "local[2]");
    double[] free = job("local[1]", list, model, work.resolve("local1-free-out"), log,
        "local[1], every core free to use");
    // One core's worth: the whole JVM (task thread, read-ahead, Spark, the collector) held to the
    // first of its cores, as an executor given one core by a cluster's resource manager is.
    Optional<OneCore> hold = OneCore.hold(log);
    boolean pinned = hold.isPresent();
    double[] one;
    try {
      one = pinned ? job("local[1]", list, model, work.resolve("local1-out"), log,
          "local[1], held to one core") : free;
    } finally {
      hold.ifPresent(h -> h.release(log));
    }
    double load = loadAverage();
    Result result = new Result(frames.size(), cores, cli, two[0], one[0], pinned, free[0],
        two[1], two[0] / cli, two[0] / one[0], load);
    log.printf(Locale.ROOT, "%nframes/s on %d frames of %s (%d cores here, load average %.1f at"
        + " the end%s):%n  command line batch  %6.2f%n  archive local[2]    %6.2f   %.2fx the"
        + " command line (target >= 0.9)%n  archive local[1]    %6.2f   local[2] is %.2fx local[1]"
        + " (target >= 1.7)%n", result.frames(), folder, cores, load,
        load > cores + 0.5 ? ": the machine was busy, every figure is low" : "", cli, two[0],
        result.jobVsCli(), one[0], result.twoCoresVsOne());
    return result;
  }

  private static Path list(List<Path> frames, Path work, String name) {
    Path list = work.resolve(name + ".txt");
    try {
      Files.writeString(list, frames.stream().map(p -> p.toAbsolutePath().toString())
          .collect(Collectors.joining("\n")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return list;
  }

  /** The command line's batch: read, segment and analyse, {@code workers} frames at once. */
  private static double cliRate(List<Path> frames, ArchiveSettings settings, int workers,
      PrintStream log) {
    try (LoadedModel loaded = ModelStore.load(Path.of(settings.modelDir()),
        CircuitBackend.named(settings.backend()))) {
      SegmentationService service = new SegmentationService(loaded);
      service.segment(Images.readRgb(frames.getFirst())); // warm-up
      try (FrameInference.Pooled pooled = FrameInference.pooled(service::segment, workers)) {
        long start = System.nanoTime();
        List<CompletableFuture<Segmentation>> pending = new ArrayList<>();
        for (Path frame : frames) {
          BufferedImage image = Images.readRgb(frame);
          pending.add(pooled.inference().segment(image).thenApply(s -> {
            SegmentationService.analyze(s, settings.threshold(), null);
            return s;
          }));
          // As the video command keeps at most a frame per worker in the model.
          while (pending.stream().filter(f -> !f.isDone()).count() >= workers) {
            pending.stream().filter(f -> !f.isDone()).findFirst().ifPresent(CompletableFuture::join);
          }
        }
        pending.forEach(CompletableFuture::join);
        double rate = frames.size() / ((System.nanoTime() - start) / 1e9);
        log.printf(Locale.ROOT, "command line batch, %d frames at once: %.2f frames/s%n",
            workers, rate);
        return rate;
      }
    } catch (ModelLoadException | ImageReadException e) {
      throw new ArchiveInputException(e.getMessage());
    }
  }

  /** One job on a fresh embedded Spark: {frames/s of the job, Spark's start-up seconds}. */
  private static double[] job(String master, Path list, ArchiveSettings model, Path out,
      PrintStream log, String label) {
    long start = System.nanoTime();
    SparkSession spark = ArchiveJob.startSpark(master);
    double startup = (System.nanoTime() - start) / 1e9;
    try {
      ArchiveSettings settings = new ArchiveSettings(List.of(list.toString()), out.toString(),
          null, model.threshold(), 1, model.modelDir(), model.backend(), true, false);
      ArchiveSummary s = ArchiveJob.run(spark, settings, null);
      if (!label.equals("warm-up")) {
        log.printf(Locale.ROOT, "archive %s: %d frames in %.1f s: %.2f frames/s (Spark's"
            + " start-up %.1f s apart)%n", label, s.frames(), s.seconds(), s.framesPerSecond(),
            startup);
      }
      return new double[] {s.framesPerSecond(), startup};
    } finally {
      spark.stop();
    }
  }

  private static List<Path> frames(Path folder, int count) {
    if (!Files.isDirectory(folder)) {
      throw new ArchiveInputException(folder + ": not a folder");
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> ArchiveInputs.FRAME_EXTENSIONS.contains(
              ArchiveInputs.extension(p.getFileName().toString())))
          .sorted(Comparator.naturalOrder()).limit(count).toList();
    } catch (IOException e) {
      throw new ArchiveInputException(folder + ": cannot be listed (" + e.getMessage() + ")");
    }
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }
}
