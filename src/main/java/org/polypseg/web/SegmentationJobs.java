package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.polypseg.image.ImageLimits;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.web.fairuse.FairQueue;
import org.polypseg.web.fairuse.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes uploaded files and segments them off the request and UI threads. Each file is admitted
 * (or refused at once), decoded and resized on a small pool, and queued under its client (the user,
 * or the address when anonymous); the model's thread takes the queued images in batches, in the
 * fair order of {@link FairQueue}: one client alone gets every core and whole batches, several
 * share each batch equally. A client over its limit is refused as {@link OverLimit} (429), a full
 * server as {@link Busy} (503), and an image that waits (and runs) longer than the timeout gives
 * up as {@link Busy} too, so that an overloaded server answers every request quickly instead of
 * piling them up. Every file is handled on its own: whatever one does to its decoder or the
 * model, the others are not affected.
 */
public final class SegmentationJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SegmentationJobs.class);

  /** The client of the calls that name none (tests, tools): one client among others. */
  public static final String LOCAL_CLIENT = "local";

  /** What became of one file. */
  public sealed interface Outcome {}

  /** The file was an image and the model segmented it. */
  public record Segmented(BufferedImage image, Segmentation segmentation) implements Outcome {}

  /** The file could not be used; {@code message} names it and says why, for the user. */
  public record Rejected(String message) implements Outcome {}

  /**
   * The server had no room for the file, or it waited past the timeout; {@code message} names the
   * file and says so, {@code retryAfter} is when trying again makes sense.
   */
  public record Busy(String message, Duration retryAfter) implements Outcome {}

  /**
   * The client already had as many images in the server as one client may
   * ({@code polypseg.inference.per-user-limit}); {@code message} names the file and says so.
   */
  public record OverLimit(String message, Duration retryAfter) implements Outcome {}

  /** One image on its way through the server. */
  private static final class Job {
    final String client;
    final String name;
    final byte[] uploadTagSource;
    final CompletableFuture<Outcome> result = new CompletableFuture<>();
    Segmenter.Prepared prepared;

    Job(String client, String name, byte[] uploadTagSource) {
      this.client = client;
      this.name = name;
      this.uploadTagSource = uploadTagSource;
    }
  }

  private final Segmenter segmenter;
  private final ImageLimits limits;
  private final PolypSegProperties.Inference settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final FairQueue<Job> queue;
  private final ExecutorService preparers;
  private final AtomicLong sequence = new AtomicLong();
  private final List<Thread> runners = new ArrayList<>();
  /** Runners running a batch now. Guarded by the lock. */
  private int busyRunners;
  private final ExecutorService encoder;
  private volatile boolean closed;

  /** Default limits and settings: for tests. */
  public SegmentationJobs(Segmenter segmenter) {
    this(segmenter, ImageLimits.DEFAULT, PolypSegProperties.Inference.DEFAULTS);
  }

  public SegmentationJobs(Segmenter segmenter, ImageLimits limits,
      PolypSegProperties.Inference settings) {
    this.segmenter = segmenter;
    this.limits = limits;
    this.settings = settings;
    this.queue = new FairQueue<>(settings.queueCapacity(), settings.perUserLimit(),
        settings.batchSize(), settings.batchWait().toNanos(), settings.effectiveWorkers() > 1,
        job -> job.result.isDone());
    // Decoding and resizing overlap with the network; as many at once as there are cores, the
    // images of the clients with the fewest in the server first (see PrepareTask).
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.preparers = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.MILLISECONDS,
        new PriorityBlockingQueue<>(), daemons("image-reader"));
    for (int i = 0; i < settings.effectiveWorkers(); i++) {
      Thread runner = new Thread(this::runBatches, "segmentation-" + (i + 1));
      runner.setDaemon(true);
      runners.add(runner);
      runner.start();
    }
    this.encoder = Executors.newFixedThreadPool(2, daemons("png-encoder"));
  }

  /** The limits files are decoded within. */
  public ImageLimits limits() {
    return limits;
  }

  /** Most images in one run of the network. */
  public int batchSize() {
    return settings.batchSize();
  }

  /** Most images one client may have in the server at once. */
  public int perClientLimit() {
    return settings.perUserLimit();
  }

  /** Images read and waiting for the model, all clients together (for tests and status). */
  int queued() {
    lock.lock();
    try {
      return queue.queued();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #submit(String, String, byte[])} as {@link #LOCAL_CLIENT}. */
  public CompletableFuture<Outcome> submit(String fileName, byte[] bytes) {
    return submit(LOCAL_CLIENT, fileName, bytes);
  }

  /**
   * Queues a file of {@code client} ({@code Actor.key()}); the future completes with its outcome,
   * never exceptionally, at the latest when the timeout has passed.
   */
  public CompletableFuture<Outcome> submit(String client, String fileName, byte[] bytes) {
    return enqueue(new Job(client, fileName, bytes), job -> {
      BufferedImage image;
      try {
        image = Images.readRgb(bytes, fileName, limits);
      } catch (ImageReadException e) {
        return new Rejected(e.getMessage());
      }
      return image;
    });
  }

  /** {@link #submit(String, String, BufferedImage)} as {@link #LOCAL_CLIENT}. */
  public CompletableFuture<Outcome> submit(String name, BufferedImage image) {
    return submit(LOCAL_CLIENT, name, image);
  }

  /**
   * Queues an image that is already decoded (a video frame) of {@code client} on the same queue
   * as the uploaded files; completes like {@link #submit(String, String, byte[])}.
   */
  public CompletableFuture<Outcome> submit(String client, String name, BufferedImage image) {
    return enqueue(new Job(client, name, null), job -> image);
  }

  /**
   * Reading an image, in the order the readers take them: fewest images of its client in the
   * server first, then first come. A user who sends one image at a time is read before the
   * eighth image of a script that sends eight, so that the fair queue finds the user's image
   * ready when the next batch is made instead of behind the script's reads.
   */
  private record PrepareTask(int clientImages, long sequence, Runnable work)
      implements Runnable, Comparable<PrepareTask> {
    @Override
    public void run() {
      work.run();
    }

    @Override
    public int compareTo(PrepareTask other) {
      int byClient = Integer.compare(clientImages, other.clientImages);
      return byClient != 0 ? byClient : Long.compare(sequence, other.sequence);
    }
  }

  /** How a job's image is read: the image, or why it cannot be. */
  @FunctionalInterface
  private interface Reader {
    Object read(Job job);
  }

  private CompletableFuture<Outcome> enqueue(Job job, Reader reader) {
    FairQueue.Admission admission;
    int inServer;
    lock.lock();
    try {
      admission = closed ? FairQueue.Admission.FULL : queue.admit(job.client);
      inServer = queue.admitted(job.client);
    } finally {
      lock.unlock();
    }
    switch (admission) {
      case OVER_CLIENT_LIMIT -> {
        return CompletableFuture.completedFuture(new OverLimit(job.name + ": " + perClientLimit()
            + " images from you are already waiting or being segmented, the most one user may "
            + "have at once; try again in " + retrySeconds() + " s", settings.retryAfter()));
      }
      case FULL -> {
        return CompletableFuture.completedFuture(new Busy(job.name + ": the server is busy ("
            + settings.queueCapacity() + " images waiting or being segmented); try again in "
            + retrySeconds() + " s", settings.retryAfter()));
      }
      case ADMITTED -> { }
    }
    CompletableFuture<Outcome> result = job.result.completeOnTimeout(new Busy(job.name
        + ": the server is busy; the image waited " + settings.timeout().toSeconds()
        + " s without being segmented; try again later", settings.retryAfter()),
        settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      preparers.execute(new PrepareTask(inServer, sequence.incrementAndGet(),
          () -> prepare(job, reader)));
    } catch (RejectedExecutionException e) {
      withdraw(job);
      job.result.complete(new Busy(job.name + ": the server is shutting down", settings.retryAfter()));
    }
    return result;
  }

  /** Reads and resizes the image, then queues it; a file that cannot be used is answered here. */
  private void prepare(Job job, Reader reader) {
    Outcome failed = null;
    if (!job.result.isDone()) {
      try {
        Object read = reader.read(job);
        if (read instanceof Outcome outcome) {
          failed = outcome;
        } else {
          job.prepared = segmenter.prepare((BufferedImage) read);
        }
      } catch (RuntimeException | Error e) {
        failed = failure(job, e);
      }
    }
    lock.lock();
    try {
      if (failed != null || job.result.isDone()) {
        queue.withdraw(job.client);
      } else {
        queue.ready(job.client, job, System.nanoTime());
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (failed != null) {
      job.result.complete(failed);
    }
  }

  private void withdraw(Job job) {
    lock.lock();
    try {
      queue.withdraw(job.client);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A runner: takes batches in the queue's order and runs them, until closed. */
  private void runBatches() {
    while (true) {
      FairQueue.Batch<Job> batch;
      int threads;
      lock.lock();
      try {
        batch = nextBatch();
        if (batch == null) {
          return;
        }
        busyRunners++;
        threads = threadsFor(batch);
        if (log.isDebugEnabled()) {
          log.debug("Batch of {} on {} thread(s); {} queued, {} admitted", batch.items().size(),
              threads, queue.queued(), queue.admitted());
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      List<Outcome> outcomes;
      try {
        segmenter.useThreads(threads);
        outcomes = run(batch.items());
      } finally {
        lock.lock();
        try {
          busyRunners--;
          // Places are given back before anyone is answered: a client sending its next image
          // as soon as it has the answer must find its place free.
          queue.finished(batch.clients(), System.nanoTime());
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
      for (int i = 0; i < outcomes.size(); i++) {
        if (outcomes.get(i) != null) {
          batch.items().get(i).result.complete(outcomes.get(i));
        }
      }
    }
  }

  /**
   * PyTorch threads for a batch just taken. A batch alone in the server (no other batch running,
   * no other image admitted) gets every core; otherwise each runner keeps to its share of them.
   * On a CPU the second road is the faster one as soon as there is more than one image: the
   * network is many small operators, and two of them side by side on a core each do about twice
   * the work of one on both cores, which wait for each other at every operator. Holds the lock.
   */
  private int threadsFor(FairQueue.Batch<Job> batch) {
    boolean alone = busyRunners == 1 && queue.admitted() == batch.items().size();
    return alone ? settings.loneBatchThreads() : settings.effectiveTorchThreads();
  }

  /**
   * Waits for the next batch; null once closed. Holds the lock. The runners that are free share
   * the images queued and on their way: each takes its part, so that no core waits while another
   * runs a big batch.
   */
  private FairQueue.Batch<Job> nextBatch() throws InterruptedException {
    while (!closed) {
      long now = System.nanoTime();
      switch (queue.next(now, queue.partFor(settings.effectiveWorkers() - busyRunners))) {
        case FairQueue.Batch<Job> b -> {
          return b;
        }
        case FairQueue.Wait<Job> w -> changed.awaitNanos(Math.max(1, w.nanoTime() - now));
        case FairQueue.Idle<Job> idle -> changed.await();
      }
    }
    return null;
  }

  /**
   * The model on a batch; null for an image whose request has given up. When the batch fails,
   * each image is tried alone, so that the failure stays with the image that caused it.
   */
  private List<Outcome> run(List<Job> jobs) {
    List<Job> live = jobs.stream().filter(j -> !j.result.isDone()).toList();
    List<Outcome> outcomes = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), null));
    if (live.isEmpty()) {
      return outcomes;
    }
    try {
      List<Segmentation> results =
          segmenter.segmentBatch(live.stream().map(j -> j.prepared).toList());
      for (int i = 0; i < live.size(); i++) {
        outcomes.set(jobs.indexOf(live.get(i)),
            new Segmented(live.get(i).prepared.image(), results.get(i)));
      }
      return outcomes;
    } catch (RuntimeException | Error e) {
      if (live.size() == 1) {
        outcomes.set(jobs.indexOf(live.getFirst()), failure(live.getFirst(), e));
        return outcomes;
      }
    }
    for (Job job : live) {
      Outcome outcome;
      try {
        outcome = new Segmented(job.prepared.image(),
            segmenter.segmentBatch(List.of(job.prepared)).getFirst());
      } catch (RuntimeException | Error e) {
        outcome = failure(job, e);
      }
      outcomes.set(jobs.indexOf(job), outcome);
    }
    return outcomes;
  }

  /**
   * What the user is told when the model or the server failed on one image: loud in the log
   * (under the upload's tag, never its name), a clear answer to the user, and the server goes on.
   */
  private static Outcome failure(Job job, Throwable e) {
    if (job.uploadTagSource == null) {
      log.error("Segmenting {} failed", job.name, e);
      return new Rejected(job.name + ": the model could not segment this frame ("
          + e.getClass().getSimpleName() + ")");
    }
    String tag = UploadTag.of(job.uploadTagSource);
    if (e instanceof RuntimeException) {
      log.error("Segmenting upload {} failed", tag, e);
      return new Rejected(job.name + ": the model could not segment this image ("
          + e.getClass().getSimpleName() + "); the server log has the details under " + tag);
    }
    // A programming error or the JVM running short.
    log.error("Upload {} failed unexpectedly", tag, e);
    return new Rejected(job.name + ": the server could not process this image ("
        + e.getClass().getSimpleName() + "); the server log has the details under " + tag);
  }

  private long retrySeconds() {
    return RetryAfter.seconds(settings.retryAfter());
  }

  /**
   * Starts encoding a picture as PNG on a separate pool. The page needs two PNGs of every result
   * at once; encoding them while the result travels to the browser takes them off the path from
   * upload to overlay.
   */
  public CompletableFuture<byte[]> encodePng(Supplier<BufferedImage> picture) {
    return CompletableFuture.supplyAsync(() -> SegmentationImages.png(picture.get()), encoder);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    runners.forEach(Thread::interrupt);
    preparers.shutdownNow();
    encoder.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
