package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polypseg.image.ImageLimits;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.Segmentation;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.polypseg.web.SegmentationJobs;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

/**
 * The API under overload, with a one-worker pool whose model waits for the test: a full queue is
 * a 503 problem detail with Retry-After, a request that waits past the timeout gives up the same
 * way, and once the work drains the API answers 200 again.
 */
class BusyServerApiTest {

  private static final ModelSummary MODEL =
      new ModelSummary("test", "ab".repeat(32), "strange", 4, 2, 256);

  private final CountDownLatch release = new CountDownLatch(1);
  private SegmentationJobs jobs;

  @AfterEach
  void tearDown() {
    release.countDown();
    jobs.close();
  }

  @Test
  void aFullQueueIsA503WithRetryAfterAndTheServerRecovers() throws Exception {
    MockMvc mvc = api(PolypSegProperties.Inference.DEFAULTS.withQueue(2, 2)
        .withBatching(1, Duration.ZERO).withTimes(Duration.ofMinutes(5), Duration.ofSeconds(3)));
    byte[] png = frame();
    CompletableFuture<SegmentationJobs.Outcome> running = jobs.submit("running.png", png);
    CompletableFuture<SegmentationJobs.Outcome> waiting = jobs.submit("waiting.png", png);

    mvc.perform(multipart("/api/segmentations").file(image("third.png", png)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "3"))
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(jsonPath("$.title").value("Server busy"))
        .andExpect(jsonPath("$.detail").value(Matchers.startsWith("third.png: the server is busy")));

    release.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    mvc.perform(multipart("/api/segmentations").file(image("later.png", png)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fileName").value("later.png"));
  }

  @Test
  void aClientOverItsShareOfTheQueueIsA429WithRetryAfterWhileOthersAreServed() throws Exception {
    MockMvc mvc = api(PolypSegProperties.Inference.DEFAULTS.withQueue(8, 1)
        .withBatching(1, Duration.ZERO).withTimes(Duration.ofMinutes(5), Duration.ofSeconds(4)));
    byte[] png = frame();
    // The API's client without login is its address; MockMvc's is 127.0.0.1.
    CompletableFuture<SegmentationJobs.Outcome> mine =
        jobs.submit("address:127.0.0.1", "running.png", png);
    CompletableFuture<SegmentationJobs.Outcome> others =
        jobs.submit("address:10.0.0.2", "someone-else.png", png);

    mvc.perform(multipart("/api/segmentations").file(image("second.png", png)))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "4"))
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.title").value("Too many images queued"))
        .andExpect(jsonPath("$.type").value("urn:polypseg:problem:queue-limit"))
        .andExpect(jsonPath("$.detail").value(Matchers.startsWith(
            "second.png: 1 images from you are already waiting or being segmented")));

    release.countDown();
    assertThat(mine.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    assertThat(others.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    mvc.perform(multipart("/api/segmentations").file(image("later.png", png)))
        .andExpect(status().isOk());
  }

  @Test
  void aRequestThatWaitsPastTheTimeoutGivesUpWithA503() throws Exception {
    MockMvc mvc = api(PolypSegProperties.Inference.DEFAULTS.withQueue(4, 4)
        .withBatching(1, Duration.ZERO).withTimes(Duration.ofMillis(300), Duration.ofSeconds(1)));
    byte[] png = frame();
    CompletableFuture<SegmentationJobs.Outcome> stuck = jobs.submit("stuck.png", png);

    mvc.perform(multipart("/api/segmentations").file(image("patient.png", png)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.detail").value(Matchers.allOf(
            Matchers.startsWith("patient.png: the server is busy"),
            Matchers.containsString("waited"))));
    assertThat(stuck.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Busy.class);
  }

  private MockMvc api(PolypSegProperties.Inference inference) {
    // One worker: the held image holds the model, as on a one-core server.
    jobs = new SegmentationJobs(this::slowSegment, ImageLimits.DEFAULT, inference.withWorkers(1, 0));
    PolypSegProperties properties = new PolypSegProperties(Path.of("models"), "strange",
        DataSize.ofMegabytes(20), 50);
    return MockMvcBuilders.standaloneSetup(new SegmentationController(jobs))
        .setControllerAdvice(new ApiExceptionHandler(properties, org.polypseg.video.VideoProperties.DEFAULTS)).build();
  }

  private Segmentation slowSegment(BufferedImage image) {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int n = image.getWidth() * image.getHeight();
    return new Segmentation(image.getWidth(), image.getHeight(), new float[n], 1, MODEL);
  }

  private static byte[] frame() {
    return HostileFiles.encode(SyntheticData.pair(64, 48, new Random(1))[0], "png");
  }

  private static MockMultipartFile image(String name, byte[] bytes) {
    return new MockMultipartFile("image", name, "image/png", bytes);
  }
}
