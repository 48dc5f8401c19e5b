package org.polypseg.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running polypseg server over HTTP the way busy users would: {@code clients} threads,
 * each posting the same image to {@code POST /api/segmentations} in a loop until the stage's time
 * is up, backing off for {@code Retry-After} when told the server is busy. Records every answer's
 * status and latency, and the server's resident memory before and after.
 */
public final class LoadTest {

  private final URI endpoint;
  private final String fileName;
  private final byte[] image;
  private final ServerMemory memory;
  private final PrintStream log;
  private final HttpClient http;

  public LoadTest(URI server, String fileName, byte[] image, ServerMemory memory, PrintStream log) {
    this.endpoint = server.resolve("/api/segmentations");
    this.fileName = fileName;
    this.image = image;
    this.memory = memory;
    this.log = log;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /** A few requests, not counted, so that the stages measure a warm server. */
  public void warmUp(int requests) {
    for (int i = 0; i < requests; i++) {
      call(body());
    }
  }

  /**
   * Several users at once for {@code duration}: user i sends from loopback address 127.0.0.(i+1)
   * with {@code streams.get(i)} concurrent loops. With login off the server counts each address
   * as one user, so this shows how it shares the model among them.
   */
  public LoadResult.Users users(List<Integer> streams, Duration duration)
      throws InterruptedException {
    List<Map<Integer, AtomicLong>> statuses = new ArrayList<>();
    List<List<Double>> latencies = new ArrayList<>();
    List<HttpClient> clients = new ArrayList<>();
    int total = streams.stream().mapToInt(Integer::intValue).sum();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int u = 0; u < streams.size(); u++) {
      HttpClient client;
      try {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .localAddress(java.net.InetAddress.getByName("127.0.0." + (u + 1))).build();
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
      clients.add(client);
      Map<Integer, AtomicLong> mine = new ConcurrentHashMap<>();
      statuses.add(mine);
      List<Double> ok = java.util.Collections.synchronizedList(new ArrayList<>());
      latencies.add(ok);
      for (int s = 0; s < streams.get(u); s++) {
        Thread.ofPlatform().name("user-" + (u + 1) + "-" + s).daemon().start(() -> {
          try {
            loop(client, end, mine, ok);
          } finally {
            done.countDown();
          }
        });
      }
    }
    done.await();
    clients.forEach(HttpClient::close);
    double seconds = (System.nanoTime() - start) / 1e9;
    long all = latencies.stream().mapToLong(List::size).sum();
    List<LoadResult.User> users = new ArrayList<>();
    for (int u = 0; u < streams.size(); u++) {
      Map<Integer, Long> counts = new TreeMap<>();
      statuses.get(u).forEach((status, n) -> counts.put(status, n.get()));
      List<Double> ok = latencies.get(u);
      LoadResult.User user = new LoadResult.User("127.0.0." + (u + 1), streams.get(u), counts,
          ok.size() / seconds, all == 0 ? 0 : (double) ok.size() / all, percentile(ok, 0.50));
      users.add(user);
      log.printf("user %s, %d stream(s), %.0f s: %s, %.2f images/s (%.0f%% of all), p50 %.0f ms%n",
          user.address(), user.streams(), seconds, counts, user.throughputPerSecond(),
          100 * user.share(), user.p50Ms());
    }
    return new LoadResult.Users(seconds, users);
  }

  /** One stream: posts the image until {@code end}, backing off for Retry-After. */
  private void loop(HttpClient client, long end, Map<Integer, AtomicLong> statuses,
      List<Double> latencies) {
    byte[][] body = body();
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      Answer answer = call(client, body);
      double ms = (System.nanoTime() - t0) / 1e6;
      statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
      if (answer.status() == 200) {
        latencies.add(ms);
      } else if (answer.retryAfterSeconds() > 0) {
        sleepUntil(Math.min(end, System.nanoTime() + answer.retryAfterSeconds() * 1_000_000_000L));
      }
    }
  }

  /** {@code clients} concurrent loops for {@code duration}. */
  public LoadResult.Stage stage(int clients, Duration duration) throws InterruptedException {
    OptionalLong rssBefore = memory.residentBytes();
    java.util.OptionalDouble cpuBefore = memory.cpuSeconds();
    java.util.Optional<long[]> machineBefore = ServerMemory.machineTicks();
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    List<List<Double>> latencies = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int c = 0; c < clients; c++) {
      List<Double> mine = new ArrayList<>();
      latencies.add(mine);
      Thread.ofPlatform().name("client-" + c).daemon().start(() -> {
        try {
          loop(http, end, statuses, mine);
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    java.util.OptionalDouble cpuAfter = memory.cpuSeconds();
    Double serverCores = cpuBefore.isPresent() && cpuAfter.isPresent()
        ? (cpuAfter.getAsDouble() - cpuBefore.getAsDouble()) / seconds : null;
    Double machineBusy = machineBefore.flatMap(b -> ServerMemory.machineTicks().map(a ->
        (double) (a[0] - b[0]) / Math.max(1, a[1] - b[1])
            * Runtime.getRuntime().availableProcessors())).orElse(null);
    List<Double> ok = new ArrayList<>();
    latencies.forEach(ok::addAll);
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, n) -> counts.put(status, n.get()));
    LoadResult.Stage stage = new LoadResult.Stage(clients, seconds, counts, ok.size() / seconds,
        percentile(ok, 0.50), percentile(ok, 0.95), mb(rssBefore), mb(memory.residentBytes()),
        serverCores, machineBusy);
    log.printf("%2d clients, %.0f s: %s, %.2f images/s, p50 %.0f ms, p95 %.0f ms, RSS %s -> %s MB,"
            + " server CPU %s cores, machine busy %s of %d cores%n",
        clients, seconds, counts, stage.throughputPerSecond(), stage.p50Ms(), stage.p95Ms(),
        format(stage.rssBeforeMb()), format(stage.rssAfterMb()), cores(serverCores),
        cores(machineBusy), Runtime.getRuntime().availableProcessors());
    return stage;
  }

  /** {@code inferences} requests one after another, with the server's memory before and after. */
  public LoadResult.Soak soak(int inferences) {
    OptionalLong before = memory.residentBytes();
    Map<Integer, Long> counts = new TreeMap<>();
    byte[][] body = body();
    long start = System.nanoTime();
    for (int i = 0; i < inferences; i++) {
      counts.merge(call(body).status(), 1L, Long::sum);
      if ((i + 1) % 100 == 0) {
        log.printf("soak: %d / %d, RSS %s MB%n", i + 1, inferences, format(mb(memory.residentBytes())));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Double rssBefore = mb(before);
    Double rssAfter = mb(memory.residentBytes());
    Double growth = rssBefore == null || rssAfter == null ? null
        : 100 * (rssAfter - rssBefore) / rssBefore;
    log.printf("soak: %d inferences in %.0f s, %s, RSS %s -> %s MB (%s%%)%n", inferences, seconds,
        counts, format(rssBefore), format(rssAfter), growth == null ? "?" : String.format("%+.2f", growth));
    return new LoadResult.Soak(inferences, seconds, counts, rssBefore, rssAfter, growth);
  }

  private record Answer(int status, long retryAfterSeconds) {}

  private Answer call(byte[][] body) {
    return call(http, body);
  }

  private Answer call(HttpClient client, byte[][] body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "multipart/form-data; boundary=" + new String(body[1],
            StandardCharsets.US_ASCII))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body[0]))
        .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      long retry = response.headers().firstValue("Retry-After").map(LoadTest::seconds).orElse(0L);
      return new Answer(response.statusCode(), retry);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, 0);
    } catch (java.io.IOException e) {
      // A refused or reset connection is an answer too: counted as status 0.
      return new Answer(0, 0);
    }
  }

  /** {multipart body, boundary}. */
  private byte[][] body() {
    String boundary = "----polypseg-load-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 512);
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; "
        + "filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(image);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new byte[][] {out.toByteArray(), boundary.getBytes(StandardCharsets.US_ASCII)};
  }

  private static long seconds(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void sleepUntil(long nanoTime) {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      try {
        Thread.sleep(Duration.ofNanos(left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static double percentile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return Benchmark.percentile(sorted, q);
  }

  private static Double mb(OptionalLong bytes) {
    return bytes.isPresent() ? bytes.getAsLong() / 1048576.0 : null;
  }

  private static String cores(Double cores) {
    return cores == null ? "?" : String.format("%.2f", cores);
  }

  private static String format(Double mb) {
    return mb == null ? "?" : String.format("%.0f", mb);
  }
}
