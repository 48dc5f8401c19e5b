package org.polypseg.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.polypseg.bench.LoadResult;
import org.polypseg.bench.LoadTest;
import org.polypseg.bench.ServerMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load-test", mixinStandardHelpOptions = true,
    description = {"Load a running polypseg server over HTTP: concurrent clients posting a real "
        + "image to /api/segmentations for a while each, then optionally a soak of N inferences. "
        + "Reports answers per status, throughput, p50/p95 latency and the server's resident "
        + "memory (VmRSS) before and after.",
        "Example: polypseg load-test --url http://localhost:8080 --clients 1,8,16 --duration 60s "
            + "--soak 1000 --json target/load.json"})
final class LoadTestCommand implements Callable<Integer> {

  @Option(names = "--url", defaultValue = "http://localhost:8080",
      description = "the server (default: ${DEFAULT-VALUE})")
  URI url;

  @Option(names = "--image", description = "image to post (default: a Kvasir test frame from "
      + "../shared/datasets)")
  Path image;

  @Option(names = "--clients", split = ",", defaultValue = "1,8,16",
      description = "concurrent clients per stage (default: ${DEFAULT-VALUE})")
  List<Integer> clients;

  @Option(names = "--duration", defaultValue = "60s",
      description = "length of each stage, e.g. 60s or 2m (default: ${DEFAULT-VALUE})")
  String duration;

  @Option(names = "--users", split = ",", description = "then a stage of several users at once, "
      + "each from its own loopback address (login off), with this many streams each, e.g. 8,1 "
      + "(default: none)")
  List<Integer> users;

  @Option(names = "--batched-rate", description = "the server's batched images/s measured in the "
      + "same run (its start-up log's \"batched rate\"; scripts/loadtest.sh passes it), to "
      + "compare the 8-client throughput with")
  Double batchedRate;

  // 300: a freshly started server spends its first minute or so compiling its request path (the
  // JVM's C2 compiler took 11.6 s of CPU over four 20-s one-client stages, whose p50 went 84, 79,
  // 75, 73 ms); fewer would measure the compiler as much as the server.
  @Option(names = "--warm-up", defaultValue = "300",
      description = "requests before the stages, not counted, so that they measure a warm server "
          + "(default: ${DEFAULT-VALUE})")
  int warmUp;

  @Option(names = "--soak", defaultValue = "0",
      description = "then this many inferences one after another, RSS before and after (0: none)")
  int soak;

  @Option(names = "--pid", description = "the server's process id, for its memory (default: "
      + "the process listening on the URL's port)")
  Long pid;

  @Option(names = "--json", description = "write the figures as JSON here")
  Path json;

  @Override
  public Integer call() throws Exception {
    Duration stage = parseDuration(duration);
    if (clients.stream().anyMatch(c -> c < 1) || warmUp < 0 || soak < 0
        || users != null && (users.size() < 2 || users.size() > 250
            || users.stream().anyMatch(c -> c < 1))) {
      throw new UserError("--clients must be at least 1, --users 2 to 250 numbers of at least "
          + "1, --warm-up and --soak at least 0");
    }
    if (users != null && !"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
      throw new UserError("--users sends from 127.0.0.x: it needs a server on loopback "
          + "(--url http://127.0.0.1:PORT)");
    }
    Path file = image != null ? image : defaultImage();
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": no such image");
    }
    int port = url.getPort() > 0 ? url.getPort() : 80;
    Optional<Long> serverPid = pid != null ? Optional.of(pid) : ServerMemory.findListener(port);
    ServerMemory memory = serverPid.map(ServerMemory::of).orElse(ServerMemory.none());
    System.out.printf("load test of %s with %s (%,d bytes); server PID %s%n", url,
        file.getFileName(), Files.size(file), serverPid.map(String::valueOf)
            .orElse("not found: no memory figures"));
    LoadTest test = new LoadTest(url, file.getFileName().toString(), Files.readAllBytes(file),
        memory, System.out);
    test.warmUp(warmUp);
    List<LoadResult.Stage> stages = new ArrayList<>();
    for (int n : clients) {
      stages.add(test.stage(n, stage));
    }
    LoadResult.Users usersResult = users != null ? test.users(users, stage) : null;
    LoadResult.Soak soakResult = soak > 0 ? test.soak(soak) : null;
    LoadResult result = new LoadResult(url.toString(), file.toString(), serverPid.orElse(null),
        stages, usersResult, soakResult);
    report(result, batchedRate);
    JsonOutput.write(json, result);
    return onlyExpected(result) ? 0 : 1;
  }

  private static void report(LoadResult result, Double batchedRate) {
    List<LoadResult.Stage> stages = result.stages();
    System.out.println("only 200 or 503 answers: " + (onlyExpected(result) ? "yes" : "NO"));
    Optional<LoadResult.Stage> one = stages.stream().filter(s -> s.clients() == 1).findFirst();
    Optional<LoadResult.Stage> eight = stages.stream().filter(s -> s.clients() == 8).findFirst();
    if (one.isPresent() && eight.isPresent() && one.get().throughputPerSecond() > 0) {
      double ratio = eight.get().throughputPerSecond() / one.get().throughputPerSecond();
      System.out.printf("throughput 8 clients / 1 client: %.2fx (target >= 1.0x)%n", ratio);
    }
    if (eight.isPresent() && batchedRate != null && batchedRate > 0) {
      System.out.printf("throughput 8 clients / the server's batched rate %.1f images/s: %.2fx "
          + "(target >= 0.9x)%n", batchedRate, eight.get().throughputPerSecond() / batchedRate);
    }
    if (result.users() != null) {
      LoadResult.User fewest = result.users().perUser().stream()
          .min(java.util.Comparator.comparingInt(LoadResult.User::streams)).orElseThrow();
      int most = result.users().perUser().stream().mapToInt(LoadResult.User::streams).max()
          .orElse(0);
      System.out.printf("share of the user with %d stream(s) against %d: %.0f%% (fair share "
          + "target >= 40%% for 1 against 8)%n", fewest.streams(), most, 100 * fewest.share());
    }
    if (result.soak() != null && result.soak().rssGrowthPercent() != null) {
      System.out.printf("soak RSS growth: %+.2f%% (target < 5%%)%n",
          result.soak().rssGrowthPercent());
    }
  }

  /**
   * Whether every answer was a 200 or a 503 (queue full): a 429 in the stages of one user means
   * the server capped a user who stayed inside the per-user queue limit.
   */
  private static boolean onlyExpected(LoadResult result) {
    java.util.stream.Stream<java.util.Map<Integer, Long>> all = java.util.stream.Stream.concat(
        result.stages().stream().map(LoadResult.Stage::statuses),
        result.users() == null ? java.util.stream.Stream.empty()
            : result.users().perUser().stream().map(LoadResult.User::statuses));
    return all.allMatch(s -> s.keySet().stream().allMatch(code -> code == 200 || code == 503));
  }

  private static Path defaultImage() {
    return Path.of("..", "shared", "datasets", "TestDataset", "Kvasir", "images",
        "cju2zp89k9q1g0855k1x0f1xa.jpg");
  }

  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new UserError("--duration: '" + text + "' is not a duration like 60s or 2m");
    }
  }
}
