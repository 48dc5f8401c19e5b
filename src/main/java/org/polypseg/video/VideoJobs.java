package org.polypseg.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The clips being analysed and their results, in memory only: a finished job is forgotten
 * {@code expireAfter} after it ended (or at once when deleted). At most
 * {@code concurrentJobs} clips are analysed at a time, each holding at most
 * {@link FrameInference#parallelism()} frames of the shared inference pool.
 */
public final class VideoJobs implements AutoCloseable {

  /** Refused because {@code maxJobs} clips are already kept. */
  public static final class Full extends Exception {
    public Full(String message) {
      super(message);
    }
  }

  private final FrameInference inference;
  private final VideoProperties properties;
  private final VideoLimits limits;
  private final Map<String, VideoJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService runners;
  private final ScheduledExecutorService sweeper;

  public VideoJobs(FrameInference inference, VideoProperties properties) {
    this.inference = inference;
    this.properties = properties;
    this.limits = properties.limits();
    this.runners = Executors.newFixedThreadPool(properties.concurrentJobs(), daemons("video"));
    this.sweeper = Executors.newSingleThreadScheduledExecutor(daemons("video-expiry"));
    long period = Math.max(1, Math.min(60, properties.expireAfter().toSeconds() / 4));
    sweeper.scheduleWithFixedDelay(this::expire, period, period, TimeUnit.SECONDS);
  }

  /**
   * Loads FFmpeg's libraries (JavaCPP unpacks them on first use) and runs the encoder and decoder
   * once on a two-frame clip, so that the first user's clip does not wait for it.
   *
   * @return the time it took, milliseconds
   */
  public static long warmUp() {
    long start = System.nanoTime();
    java.awt.image.BufferedImage frame =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    byte[] clip;
    try (ClipWriter writer = ClipWriter.inMemory(VideoFormat.WEBM, 64, 48, 25)) {
      writer.write(frame);
      writer.write(frame);
      clip = writer.finish();
    }
    try (ClipReader reader = ClipReader.open(clip, "warm-up.webm", VideoLimits.DEFAULT)) {
      if (reader.next() == null) {
        throw new IllegalStateException("FFmpeg decoded no frame of its own two-frame clip");
      }
    } catch (VideoReadException e) {
      throw new IllegalStateException("FFmpeg cannot read its own clip: " + e.getMessage(), e);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  public VideoLimits limits() {
    return limits;
  }

  /**
   * Checks the clip (container, video stream, codec, limits, a first frame) and queues its
   * analysis.
   *
   * @param tag names the upload in the log without naming its file (the caller has it already,
   *     for its audit line)
   * @throws VideoReadException naming the file and the reason when it cannot be analysed
   * @throws Full when {@code maxJobs} clips are already kept
   */
  public VideoJob submit(String name, String tag, byte[] bytes, AnalysisSettings settings)
      throws VideoReadException, Full {
    ClipInfo info;
    try (ClipReader reader = ClipReader.open(bytes, name, limits)) {
      if (reader.next() == null) {
        throw new VideoReadException(name + ": the clip holds no video frames");
      }
      info = reader.info();
    }
    expire();
    if (jobs.size() >= properties.maxJobs()) {
      throw new Full(name + ": the server already holds " + jobs.size()
          + " clips; try again when one has finished and expired (after "
          + VideoLimits.minutes(properties.expireAfter()) + "), or delete one");
    }
    VideoJob job = new VideoJob(name, tag, bytes, info, settings, limits);
    jobs.put(job.id(), job);
    runners.execute(() -> job.run(inference));
    return job;
  }

  public Optional<VideoJob> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Cancels the job and forgets it; false when there was none. */
  public boolean delete(String id) {
    VideoJob job = jobs.remove(id);
    if (job == null) {
      return false;
    }
    job.cancel();
    return true;
  }

  /** Jobs kept now. */
  public int size() {
    return jobs.size();
  }

  void expire() {
    Instant cutoff = Instant.now().minus(properties.expireAfter());
    jobs.values().removeIf(j -> j.finishedAt() != null && j.finishedAt().isBefore(cutoff));
  }

  /** How long finished jobs are kept. */
  public Duration expireAfter() {
    return properties.expireAfter();
  }

  @Override
  public void close() {
    jobs.values().forEach(VideoJob::cancel);
    runners.shutdownNow();
    sweeper.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    return Thread.ofPlatform().daemon().name(name + "-", 1).factory();
  }
}
