package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polypseg.image.ImageLimits;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.Segmentation;

/**
 * The inference queue with a stand-in model that records each batch and holds the first until the
 * test lets it go (no sleeping, no timing asserts): images that queue while the model is busy run
 * together in the next batch, a user's one image is not stuck behind a script's many, a user over
 * the per-user limit is refused while others are let in, and a batch that fails is retried image
 * by image.
 */
class SegmentationBatchingTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<List<Integer>> batches = new ArrayList<>();
  /** PyTorch threads each batch was given, in the order of {@link #batches}. */
  private final List<Integer> threads = new ArrayList<>();
  private final ThreadLocal<Integer> runnerThreads = new ThreadLocal<>();
  private SegmentationJobs jobs;

  /** Records the widths (the test's image ids) of each batch; the first batch waits for release. */
  private final Segmenter recording = new Segmenter() {
    @Override
    public Segmentation segment(BufferedImage image) {
      return WebTestData.colourSegmenter().segment(image);
    }

    @Override
    public void useThreads(int n) {
      runnerThreads.set(n);
    }

    @Override
    public List<Segmentation> segmentBatch(List<Prepared> images) {
      boolean first;
      synchronized (batches) {
        first = batches.isEmpty();
        batches.add(images.stream().map(p -> p.image().getWidth()).toList());
        threads.add(runnerThreads.get());
      }
      if (first) {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (images.stream().anyMatch(p -> p.image().getWidth() == 99)) {
        throw new IllegalStateException("one bad image fails its batch");
      }
      return Segmenter.super.segmentBatch(images);
    }
  };

  @AfterEach
  void tearDown() {
    release.countDown();
    jobs.close();
  }

  @Test
  void imagesThatQueueWhileTheModelIsBusyRunAsOneBatch() throws Exception {
    jobs = jobs(16, 16);
    CompletableFuture<SegmentationJobs.Outcome> first = jobs.submit("alice", "1.png", png(1));
    awaitBatches(1);
    List<CompletableFuture<SegmentationJobs.Outcome>> rest = new ArrayList<>();
    for (int id = 2; id <= 6; id++) {
      rest.add(jobs.submit("alice", id + ".png", png(id)));
    }
    awaitQueued(5);
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    for (CompletableFuture<SegmentationJobs.Outcome> r : rest) {
      assertThat(r.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    }
    synchronized (batches) {
      // Files are decoded on a pool, so they reach the queue in any order; what matters is that
      // the five that waited run together as one batch.
      assertThat(batches).hasSize(2);
      assertThat(batches.get(0)).containsExactly(1);
      assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
    }
  }

  @Test
  void aUsersImageIsNotStuckBehindAScriptsMany() throws Exception {
    jobs = jobs(16, 16);
    CompletableFuture<SegmentationJobs.Outcome> first = jobs.submit("other", "1.png", png(1));
    awaitBatches(1);
    List<CompletableFuture<SegmentationJobs.Outcome>> all = new ArrayList<>();
    for (int id = 10; id < 16; id++) {
      all.add(jobs.submit("script", id + ".png", png(id)));
    }
    awaitQueued(6);
    all.add(jobs.submit("user", "50.png", png(50)));
    awaitQueued(7);
    release.countDown();
    for (CompletableFuture<SegmentationJobs.Outcome> r : all) {
      assertThat(r.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    }
    first.get(30, TimeUnit.SECONDS);
    synchronized (batches) {
      // Right after the busy batch: one of the script's and the user's, not the script's six
      // (which of the script's depends on the order its files were decoded in).
      assertThat(batches.get(1)).hasSize(2).contains(50)
          .anySatisfy(id -> assertThat(id).isBetween(10, 15));
      assertThat(batches.stream().flatMap(List::stream).toList())
          .containsExactlyInAnyOrder(1, 10, 11, 12, 13, 14, 15, 50);
    }
  }

  @Test
  void aUserOverThePerUserLimitIsRefusedWhileOthersAreLetIn() throws Exception {
    jobs = jobs(8, 2);
    CompletableFuture<SegmentationJobs.Outcome> a = jobs.submit("script", "1.png", png(1));
    CompletableFuture<SegmentationJobs.Outcome> b = jobs.submit("script", "2.png", png(2));
    SegmentationJobs.Outcome third = jobs.submit("script", "3.png", png(3)).get(5, TimeUnit.SECONDS);
    assertThat(third).isInstanceOfSatisfying(SegmentationJobs.OverLimit.class, o -> {
      assertThat(o.message()).startsWith("3.png: 2 images from you are already waiting or being "
          + "segmented").contains("try again in 2 s");
      assertThat(o.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    });
    CompletableFuture<SegmentationJobs.Outcome> other = jobs.submit("user", "4.png", png(4));
    release.countDown();
    for (CompletableFuture<SegmentationJobs.Outcome> r : List.of(a, b, other)) {
      assertThat(r.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    }
    assertThat(jobs.submit("script", "5.png", png(5)).get(30, TimeUnit.SECONDS))
        .as("once answered, the places are free again")
        .isInstanceOf(SegmentationJobs.Segmented.class);
  }

  @Test
  void aLoneBatchGetsEveryCoreAndASecondWorkerTakesWhatQueuesMeanwhile() throws Exception {
    PolypSegProperties.Inference settings = PolypSegProperties.Inference.DEFAULTS
        .withQueue(16, 16).withBatching(8, Duration.ZERO).withWorkers(2, 0);
    jobs = new SegmentationJobs(recording, ImageLimits.DEFAULT, settings);
    CompletableFuture<SegmentationJobs.Outcome> first = jobs.submit("alice", "1.png", png(1));
    awaitBatches(1);
    List<CompletableFuture<SegmentationJobs.Outcome>> rest = new ArrayList<>();
    for (int id = 2; id <= 5; id++) {
      rest.add(jobs.submit("alice", id + ".png", png(id)));
    }
    // The first batch is still held: only the second worker can answer these.
    for (CompletableFuture<SegmentationJobs.Outcome> r : rest) {
      assertThat(r.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    }
    assertThat(first).isNotDone();
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    synchronized (batches) {
      assertThat(batches.get(0)).containsExactly(1);
      assertThat(threads.get(0)).as("a batch alone in the server: every core")
          .isEqualTo(settings.loneBatchThreads());
      assertThat(threads.subList(1, threads.size())).as("batches beside a running one: a share")
          .containsOnly(settings.effectiveTorchThreads());
      assertThat(batches.stream().flatMap(List::stream).toList())
          .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }
  }

  @Test
  void aBatchThatFailsIsRetriedImageByImage() throws Exception {
    jobs = jobs(16, 16);
    CompletableFuture<SegmentationJobs.Outcome> first = jobs.submit("a", "1.png", png(1));
    awaitBatches(1);
    CompletableFuture<SegmentationJobs.Outcome> good = jobs.submit("a", "2.png", png(2));
    CompletableFuture<SegmentationJobs.Outcome> bad = jobs.submit("a", "99.png", png(99));
    awaitQueued(2);
    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    assertThat(good.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    assertThat(bad.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(
        SegmentationJobs.Rejected.class, r -> assertThat(r.message())
            .startsWith("99.png: the model could not segment this image"));
  }

  private SegmentationJobs jobs(int capacity, int perUser) {
    // No batch wait: which images make a batch then depends only on what is queued. One
    // worker, so that the held first batch holds everything behind it.
    return new SegmentationJobs(recording, ImageLimits.DEFAULT,
        PolypSegProperties.Inference.DEFAULTS.withQueue(capacity, perUser)
            .withBatching(8, Duration.ZERO).withWorkers(1, 0));
  }

  private void awaitBatches(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      synchronized (batches) {
        if (batches.size() >= n) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the model never started " + n + " batch(es)");
  }

  private void awaitQueued(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jobs.queued() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(jobs.queued()).isEqualTo(n);
  }

  private static byte[] png(int width) {
    return WebTestData.encode(new BufferedImage(width, 20, BufferedImage.TYPE_INT_RGB), "png");
  }
}
