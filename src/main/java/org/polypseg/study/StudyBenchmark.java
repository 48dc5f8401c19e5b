package org.polypseg.study;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.polypseg.image.Redaction;

/**
 * The {@code benchmark-studies} measurement: N annotators save their masks of the same frame at
 * the same moment (a barrier releases them together), round after round, on a study database
 * (by default a fresh H2 file, as {@code ./polypseg} uses). Each save is what the API does once
 * the request is read: check access, encode the mask as PNG, write it with its version check.
 * The target of issue 22: p95 ≤ 200 ms with 5 annotators.
 */
public final class StudyBenchmark {

  /** The target for the 95th percentile of a save, milliseconds. */
  public static final double TARGET_P95_MS = 200;

  private StudyBenchmark() {}

  /**
   * The figures.
   *
   * @param database the database's URL (without parameters)
   * @param annotators annotators saving at once
   * @param saves saves measured (annotators × rounds)
   * @param width frame width, pixels
   * @param height frame height, pixels
   * @param p50Ms median save, milliseconds
   * @param p95Ms 95th percentile, milliseconds
   * @param maxMs slowest, milliseconds
   * @param meanMs mean, milliseconds
   * @param conflicts saves refused as stale (should be 0: each annotator saves their own mask)
   * @param withinTarget p95 ≤ {@link #TARGET_P95_MS}
   */
  public record Result(String database, int annotators, int saves, int width, int height,
      double p50Ms, double p95Ms, double maxMs, double meanMs, int conflicts,
      boolean withinTarget) {}

  /**
   * Runs the benchmark.
   *
   * @param database where to keep the study, or null for a fresh H2 file in a temporary folder
   *     (deleted afterwards)
   */
  public static Result run(StudyProperties.Database database, int annotators, int warmup,
      int rounds, int width, int height, PrintStream log) throws IOException, InterruptedException {
    Path temp = null;
    if (database == null) {
      temp = Files.createTempDirectory("polypseg-study-benchmark");
      database = new StudyProperties.Database("jdbc:h2:file:" + temp.resolve("studies"), "sa", "",
          Math.max(10, annotators * 2), java.time.Duration.ofSeconds(5));
    }
    try (StudyDatabase db = StudyDatabase.open(new StudyProperties(true, database),
        Clock.systemUTC())) {
      if (!db.available()) {
        throw new StudyInputException(db.unavailableReason());
      }
      StudyService service = new StudyService(db, null, StudyAudit.NONE, n -> true,
          Clock.systemUTC());
      return measure(service, db.describe(), annotators, warmup, rounds, width, height, log);
    } finally {
      if (temp != null) {
        DatasetWriter.deleteTree(temp);
      }
    }
  }

  private static Result measure(StudyService service, String url, int annotators, int warmup,
      int rounds, int width, int height, PrintStream log) throws InterruptedException {
    String owner = "benchmark-owner";
    long study = service.create(owner, new StudySettings("benchmark", null, true)).id();
    List<String> names = new ArrayList<>();
    for (int a = 0; a < annotators; a++) {
      names.add("annotator-" + (a + 1));
      service.addAnnotator(owner, study, names.getLast());
    }
    int frames = Math.min(rounds, 10);
    List<Long> frameIds = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      frameIds.add(service.addFrame(owner, study, Pictures.png(frame(width, height, f)),
          "benchmark", Redaction.NONE, true).id());
    }
    log.printf("%d annotators, %d rounds (after %d not measured), frames %dx%d, database %s%n",
        annotators, rounds, warmup, width, height, url);
    CyclicBarrier together = new CyclicBarrier(annotators);
    ExecutorService pool = Executors.newFixedThreadPool(annotators);
    double[] ms = new double[annotators * rounds];
    int[] conflicts = new int[1];
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int a = 0; a < annotators; a++) {
        int who = a;
        workers.add(pool.submit(() -> {
          Random random = new Random(who);
          int[] version = new int[frames];
          for (int round = -warmup; round < rounds; round++) {
            int r = Math.max(round, 0);
            int f = (round + warmup) % frames;
            MaskImage mask = blob(width, height, random);
            together.await();
            long start = System.nanoTime();
            try {
              version[f] = service.saveMask(names.get(who), study, frameIds.get(f),
                  new MaskSave(version[f], mask, false, false)).version();
            } catch (MaskConflictException e) {
              if (round >= 0) {
                synchronized (conflicts) {
                  conflicts[0]++;
                }
              }
              version[f] = e.currentVersion();
            }
            if (round >= 0) {
              ms[r * annotators + who] = (System.nanoTime() - start) / 1e6;
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a save failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    service.delete(owner, study);
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double p95 = percentile(sorted, 0.95);
    return new Result(url, annotators, ms.length, width, height, percentile(sorted, 0.5), p95,
        sorted[sorted.length - 1], Arrays.stream(ms).average().orElse(0), conflicts[0],
        p95 <= TARGET_P95_MS);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static BufferedImage frame(int width, int height, int seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(random.nextInt(0xffffff)));
      g.fillOval(random.nextInt(width), random.nextInt(height), width / 4, height / 4);
    }
    g.dispose();
    return image;
  }

  /** An ellipse of polyp somewhere in the frame, as an annotator's brush would leave. */
  private static MaskImage blob(int width, int height, Random random) {
    boolean[] p = new boolean[width * height];
    double cx = width * (0.3 + 0.4 * random.nextDouble());
    double cy = height * (0.3 + 0.4 * random.nextDouble());
    double rx = width * (0.1 + 0.15 * random.nextDouble());
    double ry = height * (0.1 + 0.15 * random.nextDouble());
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        p[y * width + x] = dx * dx + dy * dy <= 1 + 0.1 * Math.sin(x * 0.3);
      }
    }
    return new MaskImage(width, height, p);
  }
}
