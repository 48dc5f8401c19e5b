package org.polypseg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polypseg.study.StudyBenchmark;
import org.polypseg.study.StudyProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "benchmark-studies", mixinStandardHelpOptions = true,
    description = {"Measure how long saving a mask in an annotation study takes when several"
        + " annotators save at once (the target: p95 <= 200 ms with 5).",
        "Uses a fresh H2 file in a temporary folder unless --database names one (it then gets a"
            + " study named 'benchmark', deleted afterwards)."})
final class BenchmarkStudiesCommand implements Callable<Integer> {

  @Option(names = "--annotators", defaultValue = "5", paramLabel = "N",
      description = "annotators saving at once (default: ${DEFAULT-VALUE})")
  int annotators;

  @Option(names = "--rounds", defaultValue = "40", paramLabel = "N",
      description = "saves per annotator (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup", defaultValue = "5", paramLabel = "N",
      description = "rounds first, not measured (the JVM's warm-up; default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--size", defaultValue = "622x530", paramLabel = "WxH",
      description = "frame size in pixels (default: ${DEFAULT-VALUE}, a Kvasir-SEG frame)")
  String size;

  @Option(names = "--database", paramLabel = "JDBC-URL",
      description = "a study database to measure instead, e.g. jdbc:postgresql://HOST:5432/DB")
  String database;

  @Option(names = "--username", defaultValue = "sa", description = "database user")
  String username;

  @Option(names = "--password", defaultValue = "", description = "database password",
      interactive = true, arity = "0..1")
  String password;

  @Option(names = "--json", paramLabel = "FILE", description = "write the figures as JSON here")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (annotators < 1 || annotators > 20 || rounds < 1 || warmup < 0) {
      throw new UserError("--annotators must be 1..20, --rounds at least 1, --warmup 0 or more");
    }
    String[] wh = size.toLowerCase(Locale.ROOT).split("x");
    int width;
    int height;
    try {
      width = Integer.parseInt(wh[0].strip());
      height = Integer.parseInt(wh[1].strip());
    } catch (RuntimeException e) {
      throw new UserError("--size " + size + ": write it as WIDTHxHEIGHT, e.g. 622x530");
    }
    if (width < 1 || height < 1 || (long) width * height > 40_000_000L) {
      throw new UserError("--size " + size + ": 1x1 up to 40 million pixels");
    }
    StudyProperties.Database db;
    try {
      db = database == null ? null : new StudyProperties.Database(database, username, password,
          Math.max(10, annotators * 2), Duration.ofSeconds(5));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    StudyBenchmark.Result r;
    try {
      r = StudyBenchmark.run(db, annotators, warmup, rounds, width, height, System.out);
    } catch (org.polypseg.study.StudyException e) {
      throw new UserError(e.getMessage());
    }
    System.out.printf(Locale.ROOT, "%-18s %d (%d at once)%n", "saves", r.saves(), r.annotators());
    System.out.printf(Locale.ROOT, "%-18s %.1f ms%n", "p50", r.p50Ms());
    System.out.printf(Locale.ROOT, "%-18s %.1f ms (target <= %.0f ms: %s)%n", "p95", r.p95Ms(),
        StudyBenchmark.TARGET_P95_MS, r.withinTarget() ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "%-18s %.1f ms%n", "max", r.maxMs());
    System.out.printf(Locale.ROOT, "%-18s %.1f ms%n", "mean", r.meanMs());
    System.out.printf(Locale.ROOT, "%-18s %d%n", "conflicts", r.conflicts());
    JsonOutput.write(json, r);
    return 0;
  }
}
