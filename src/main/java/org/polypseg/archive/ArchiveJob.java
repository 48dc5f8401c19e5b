package org.polypseg.archive;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.polypseg.model.ModelInfo;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.video.AnalysisSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive job: the files are listed on the driver, split into tasks, each task maps its files
 * through {@link ArchiveAnalyzer} (on its executor's one model), and the one pass is written as
 * three Parquet tables through Spark's output committer, so that a task that fails and is run
 * again leaves each frame exactly once. The same class runs embedded ({@code local[*]}) and under
 * {@code spark-submit}.
 */
public final class ArchiveJob {

  /**
   * Single frames per task at most: a retried task redoes under a minute of one core's work. Not
   * fewer: each task costs 0.15-0.4 s of Spark's own (its output file's commit, the next task's
   * start) on this machine, which frames of 32 a task paid every 5 s (docs/archive.md).
   */
  static final int FRAMES_PER_TASK = 256;

  private ArchiveJob() {}

  /**
   * Checks what can be checked without Spark (numbers, the model folder, a standalone master's
   * address): a mistake is an {@link ArchiveInputException} before anything starts.
   */
  public static void checkSettings(ArchiveSettings settings, String master) {
    try {
      new AnalysisSettings(settings.stride(), settings.threshold());
    } catch (IllegalArgumentException e) {
      throw new ArchiveInputException("--" + e.getMessage());
    }
    try {
      CircuitBackend.named(settings.backend());
    } catch (IllegalArgumentException e) {
      throw new ArchiveInputException(e.getMessage());
    }
    Path model = Path.of(settings.modelDir());
    try {
      ModelStore.readInfo(model);
    } catch (ModelLoadException e) {
      throw new ArchiveInputException(e.getMessage() + " (--model names the folder of a model,"
          + " with " + ModelStore.INFO_FILE + " and " + ModelStore.WEIGHTS_FILE + ")");
    }
    if (!java.nio.file.Files.isRegularFile(model.resolve(ModelStore.WEIGHTS_FILE))) {
      throw new ArchiveInputException(model.resolve(ModelStore.WEIGHTS_FILE)
          + ": model weights not found");
    }
    if (master != null && master.startsWith("spark://")) {
      reachable(master);
    }
  }

  /**
   * The whole run as the command line starts it: checks, Spark up (embedded, or the cluster
   * spark-submit gave), the job, Spark down.
   *
   * @param master a Spark master URL, or null: spark-submit's, else {@code local[*]}
   * @throws ArchiveInputException for a mistake of the user's, before any work
   */
  public static ArchiveSummary run(ArchiveSettings settings, String master,
      PrintStream progress) {
    checkSettings(settings, master);
    SparkSession spark = startSpark(master);
    try {
      return run(spark, settings, progress);
    } finally {
      spark.stop();
    }
  }

  /**
   * The Spark session: the one spark-submit configured, else an embedded one on {@code master}
   * ({@code local[*]}: every core of this machine) with no web UI and on loopback only.
   *
   * @throws ArchiveInputException when Spark cannot start on that master (a bad URL, a cluster
   *     that refuses)
   */
  public static SparkSession startSpark(String master) {
    SparkSession.Builder builder = SparkSession.builder().appName("polypseg archive");
    String chosen = master != null ? master : System.getProperty("spark.master", "local[*]");
    builder.master(chosen);
    if (chosen.startsWith("local")) {
      builder.config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    try {
      return builder.getOrCreate();
    } catch (RuntimeException e) {
      throw new ArchiveInputException("--master " + chosen + ": Spark cannot start there ("
          + ArchiveInputs.firstLine(e.getMessage()) + ")");
    }
  }

  /** A standalone master that does not answer is named at once, not after Spark's retries. */
  private static void reachable(String master) {
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      URI uri = URI.create("spark://" + hostPort);
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 7077
            : uri.getPort()), 5000);
        return;
      } catch (IOException | IllegalArgumentException e) {
        // try the next master of a high-availability list
      }
    }
    throw new ArchiveInputException("--master " + master + ": cannot be reached (no master"
        + " answers at that address within 5 s)");
  }

  /**
   * Runs the job on {@code spark}: checks the output folder, lists the inputs, analyses, writes
   * {@code frames}, {@code clips}, {@code errors} and {@code summary.json} under the output.
   *
   * @param progress where a progress line goes every few seconds, or null
   * @throws ArchiveInputException for a missing input, an output that exists (without
   *     overwrite), a list naming missing files; nothing has been written then
   */
  public static ArchiveSummary run(SparkSession spark, ArchiveSettings settings,
      PrintStream progress) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(settings.output());
    FileSystem outFs;
    try {
      outFs = out.getFileSystem(conf);
      if (outFs.exists(out) && !settings.overwrite()) {
        throw new ArchiveInputException(settings.output() + ": exists; choose a new output"
            + " folder, or give --overwrite to replace it");
      }
    } catch (IOException e) {
      throw new ArchiveInputException(settings.output() + ": cannot be reached ("
          + ArchiveInputs.firstLine(e.getMessage()) + ")");
    }
    List<WorkItem> items = ArchiveInputs.list(spark, settings);
    try {
      if (settings.overwrite() && outFs.exists(out)) {
        outFs.delete(out, true);
      }
    } catch (IOException e) {
      throw new ArchiveInputException(settings.output() + ": cannot be replaced ("
          + e.getMessage() + ")");
    }

    long start = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<WorkItem>> groups = groups(items, jsc.defaultParallelism());
    Map<String, String> hadoop = new HashMap<>();
    conf.forEach(e -> hadoop.put(e.getKey(), e.getValue()));
    LongAccumulator framesDone = spark.sparkContext().longAccumulator("polypseg frames");
    JavaRDD<Row> rows = jsc.parallelize(groups, groups.size())
        .mapPartitions(new AnalyzePartition(settings, hadoop, framesDone));
    // Kept after the first table is written: the files are analysed once for all three tables.
    Dataset<Row> results = spark.createDataFrame(rows, ArchiveTables.RESULT)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Progress line = progress == null ? null
        : Progress.start(spark, progress, framesDone, groups.size());
    JobCounts jobCounts = new JobCounts();
    JobCounts.Snapshot counts;
    try {
      Dataset<Row> frames = jobCounts.framesTable(
          results.where(col("frame").isNotNull()).select("frame.*"));
      if ("true".equals(spark.sparkContext().getLocalProperty(FailOnce.PROPERTY))) {
        frames = frames.mapPartitions(new FailOnce(), Encoders.row(frames.schema()));
      }
      write(frames, out, "frames");
      // Clips and errors are few rows: one file each, written by one task, not one per task of
      // the analysis (each a file to open, commit and later list).
      write(jobCounts.clipsTable(results.where(col("clip").isNotNull()).select("clip.*")
          .coalesce(1)), out, "clips");
      write(jobCounts.errorsTable(results.where(col("error").isNotNull()).select("error.*")
          .coalesce(1)), out, "errors");
      counts = jobCounts.snapshot();
    } finally {
      if (line != null) {
        line.stop();
      }
      results.unpersist();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long frames = counts.frames();
    String model = "";
    String sha = "";
    try {
      ModelInfo info = ModelStore.readInfo(Path.of(settings.modelDir()));
      model = info.name();
      sha = ModelStore.sha256(Path.of(settings.modelDir()).resolve(ModelStore.WEIGHTS_FILE));
    } catch (ModelLoadException | IOException e) {
      // the tables carry the model's name and hash on every row; the summary's are a courtesy
    }
    ArchiveSummary summary = new ArchiveSummary(settings.output(), spark.sparkContext().master(),
        jsc.defaultParallelism(), items.size(), counts.images(), counts.clips(),
        counts.clipFrames(), frames, counts.polypFrames(),
        frames == 0 ? 0 : (double) counts.polypFrames() / frames, counts.errors(),
        settings.threshold(), settings.stride(), model, sha, seconds,
        seconds > 0 ? frames / seconds : 0);
    writeSummary(outFs, out, summary);
    return summary;
  }

  private static void write(Dataset<Row> table, org.apache.hadoop.fs.Path out, String name) {
    table.write().mode(SaveMode.ErrorIfExists).parquet(new org.apache.hadoop.fs.Path(out, name)
        .toString());
  }

  private static void writeSummary(FileSystem fs, org.apache.hadoop.fs.Path out,
      ArchiveSummary summary) {
    byte[] json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
        .writeValueAsString(summary).getBytes(StandardCharsets.UTF_8);
    try (OutputStream stream = fs.create(new org.apache.hadoop.fs.Path(out, "summary.json"))) {
      stream.write(json);
    } catch (IOException e) {
      throw new IllegalStateException(out + "/summary.json: cannot be written", e);
    }
  }

  /**
   * The tasks: each clip alone (a clip is read from its start, it cannot be split), the frames
   * in equal groups of at most {@link #FRAMES_PER_TASK}, and at least one group a core while there
   * are frames enough. Frames cost about the same (the network sees each at one size), so equal
   * groups end together and more tasks would only add Spark's cost per task.
   */
  static List<List<WorkItem>> groups(List<WorkItem> items, int cores) {
    List<List<WorkItem>> groups = new ArrayList<>();
    List<WorkItem> frames = new ArrayList<>();
    for (WorkItem item : items) {
      if (item.clip()) {
        groups.add(List.of(item));
      } else {
        frames.add(item);
      }
    }
    if (!frames.isEmpty()) {
      int n = Math.max((frames.size() + FRAMES_PER_TASK - 1) / FRAMES_PER_TASK,
          Math.min(frames.size(), Math.max(1, cores)));
      for (int g = 0; g < n; g++) {
        // Contiguous slices keep a folder's frames together in the output files.
        int from = (int) ((long) frames.size() * g / n);
        int to = (int) ((long) frames.size() * (g + 1) / n);
        groups.add(new ArrayList<>(frames.subList(from, to)));
      }
    }
    return groups;
  }

  /** The progress line: tasks done of all, frames so far, elapsed. */
  private static final class Progress {
    private final Thread thread;

    private Progress(Thread thread) {
      this.thread = thread;
    }

    static Progress start(SparkSession spark, PrintStream out, LongAccumulator frames,
        int tasks) {
      long start = System.nanoTime();
      var tracker = spark.sparkContext().statusTracker();
      Thread thread = Thread.ofPlatform().daemon().name("archive-progress").start(() -> {
        try {
          while (true) {
            Thread.sleep(5000);
            int done = 0;
            int all = 0;
            for (int id : tracker.getActiveStageIds()) {
              var stage = tracker.getStageInfo(id);
              if (stage.isDefined()) {
                done += stage.get().numCompletedTasks();
                all += stage.get().numTasks();
              }
            }
            out.printf(Locale.ROOT, "archive: %d frames segmented; this stage: %d of %d tasks"
                + " done; %.0f s%n", frames.value(), done, all == 0 ? tasks : all,
                (System.nanoTime() - start) / 1e9);
          }
        } catch (InterruptedException e) {
          // stopped
        }
      });
      return new Progress(thread);
    }

    void stop() {
      thread.interrupt();
    }
  }
}
