package org.polypseg.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * One page's (or one API request's) files on their way to the shared {@link SegmentationJobs}: at
 * most a batch's worth in the shared queue at a time (and never more than its client may have
 * there), the rest wait here. A clinician dropping fifty frames then stays inside their share of
 * the server's queue instead of being refused for the files past it.
 */
public final class PageQueue {

  private record Pending(String client, String fileName, byte[] bytes,
      CompletableFuture<SegmentationJobs.Outcome> result) {}

  private final SegmentationJobs jobs;
  private final int maxInFlight;
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private int inFlight;

  public PageQueue(SegmentationJobs jobs) {
    this.jobs = jobs;
    this.maxInFlight = Math.max(1, Math.min(jobs.batchSize(), jobs.perClientLimit()));
  }

  /** {@link #submit(String, String, byte[])} as {@link SegmentationJobs#LOCAL_CLIENT}. */
  public CompletableFuture<SegmentationJobs.Outcome> submit(String fileName, byte[] bytes) {
    return submit(SegmentationJobs.LOCAL_CLIENT, fileName, bytes);
  }

  /**
   * Queues a file of {@code client} ({@code Actor.key()}); completes like
   * {@link SegmentationJobs#submit(String, String, byte[])}. Any thread.
   */
  public CompletableFuture<SegmentationJobs.Outcome> submit(String client, String fileName,
      byte[] bytes) {
    Pending pending = new Pending(client, fileName, bytes, new CompletableFuture<>());
    synchronized (this) {
      waiting.add(pending);
    }
    startNext();
    return pending.result();
  }

  private void startNext() {
    while (true) {
      Pending next;
      synchronized (this) {
        if (inFlight >= maxInFlight || waiting.isEmpty()) {
          return;
        }
        next = waiting.poll();
        inFlight++;
      }
      // Completed outside the lock: the page's callbacks take the UI lock.
      jobs.submit(next.client(), next.fileName(), next.bytes()).whenComplete((outcome, failure) -> {
        synchronized (this) {
          inFlight--;
        }
        next.result().complete(outcome);
        startNext();
      });
    }
  }
}
