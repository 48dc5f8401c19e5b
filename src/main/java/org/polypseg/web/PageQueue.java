package org.polypseg.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * One page's (or one API request's) files on their way to the shared {@link SegmentationJobs}: at
 * most one per worker in the shared queue at a time, the rest wait here. A clinician dropping fifty frames then shares the
 * server fairly with the others instead of filling its queue (and being told it is busy) at once;
 * the server is only "busy" for a page when other users fill it.
 */
public final class PageQueue {

  private record Pending(String fileName, byte[] bytes, CompletableFuture<SegmentationJobs.Outcome> result) {}

  private final SegmentationJobs jobs;
  private final int maxInFlight;
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private int inFlight;

  public PageQueue(SegmentationJobs jobs) {
    this.jobs = jobs;
    this.maxInFlight = Math.max(1, jobs.workerCount());
  }

  /** Queues a file; completes like {@link SegmentationJobs#submit}. Any thread. */
  public CompletableFuture<SegmentationJobs.Outcome> submit(String fileName, byte[] bytes) {
    Pending pending = new Pending(fileName, bytes, new CompletableFuture<>());
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
      jobs.submit(next.fileName(), next.bytes()).whenComplete((outcome, failure) -> {
        synchronized (this) {
          inFlight--;
        }
        next.result().complete(outcome);
        startNext();
      });
    }
  }
}
