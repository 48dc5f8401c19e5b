package org.polypseg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load-test driver against a stand-in server on loopback that answers every third request
 * with 503 + Retry-After: the answers are counted per status, only 200 answers count towards
 * throughput and latency, and the server process is found from its port.
 */
class LoadTestTest {

  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void countsAnswersPerStatusAndFindsTheServerProcess() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/segmentations", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean busy = calls.incrementAndGet() % 3 == 0;
      if (busy) {
        exchange.getResponseHeaders().add("Retry-After", "0");
      }
      byte[] body = busy ? "{\"status\":503}".getBytes() : "{}".getBytes();
      exchange.sendResponseHeaders(busy ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    int port = server.getAddress().getPort();

    long self = ProcessHandle.current().pid();
    assertThat(ServerMemory.findListener(port)).hasValue(self);
    ServerMemory memory = ServerMemory.of(self);
    assertThat(memory.residentBytes()).isPresent();
    assertThat(memory.residentBytes().getAsLong()).isGreaterThan(10L << 20);

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LoadTest test = new LoadTest(URI.create("http://127.0.0.1:" + port), "frame.jpg",
        new byte[] {1, 2, 3}, memory, new PrintStream(log, true));
    LoadResult.Stage stage = test.stage(3, Duration.ofMillis(500));

    assertThat(stage.clients()).isEqualTo(3);
    assertThat(stage.statuses()).containsOnlyKeys(200, 503);
    long total = stage.statuses().values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).isEqualTo(calls.get());
    assertThat(stage.throughputPerSecond())
        .isCloseTo(stage.statuses().get(200) / stage.seconds(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(stage.p95Ms()).isGreaterThanOrEqualTo(stage.p50Ms());
    assertThat(stage.rssBeforeMb()).isNotNull();
    assertThat(stage.serverCpuCores()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(stage.machineBusyCores()).isNotNull().isBetween(0.0,
        (double) Runtime.getRuntime().availableProcessors() + 0.01);
    assertThat(log.toString()).contains("3 clients");

    LoadResult.Soak soak = test.soak(9);
    assertThat(soak.statuses().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
    assertThat(soak.rssGrowthPercent()).isNotNull();
  }
}
