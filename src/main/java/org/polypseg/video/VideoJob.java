package org.polypseg.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One uploaded clip and what its analysis has found so far. Results grow while it runs (the
 * timeline fills); everything stays in memory and goes when the job expires or is deleted.
 * Thread-safe.
 */
public final class VideoJob {

  private static final Logger log = LoggerFactory.getLogger(VideoJob.class);

  private final String id = UUID.randomUUID().toString();
  private final String name;
  private final String tag;
  private final byte[] source;
  private final ClipInfo info;
  private final AnalysisSettings settings;
  private final VideoLimits limits;
  private final List<AnalysedFrame> frames = new ArrayList<>();
  private volatile VideoJobStatus status = VideoJobStatus.QUEUED;
  private volatile boolean cancelRequested;
  private volatile int framesDone;
  private volatile long startNanos;
  private volatile double seconds;
  private volatile String reason;
  private volatile byte[] annotated;
  private volatile Instant finishedAt;

  VideoJob(String name, String tag, byte[] source, ClipInfo info, AnalysisSettings settings,
      VideoLimits limits) {
    this.name = name;
    this.tag = tag;
    this.source = source;
    this.info = info;
    this.settings = settings;
    this.limits = limits;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ClipInfo info() {
    return info;
  }

  public AnalysisSettings settings() {
    return settings;
  }

  public VideoJobStatus status() {
    return status;
  }

  /** The analysed frames so far, in clip order (a copy). */
  public List<AnalysedFrame> frames() {
    synchronized (frames) {
      return List.copyOf(frames);
    }
  }

  /** The annotated clip (WebM), or null until the analysis is done. */
  public byte[] annotated() {
    return annotated;
  }

  /** Time one analysed frame stands for, seconds. */
  public double stepSeconds() {
    return settings.stride() * info.frameSeconds();
  }

  /** When it finished, or null while queued or running. */
  Instant finishedAt() {
    return finishedAt;
  }

  public VideoJobState state() {
    VideoJobStatus s = status;
    int done = framesDone;
    double elapsed = s == VideoJobStatus.RUNNING ? (System.nanoTime() - startNanos) / 1e9 : seconds;
    double fps = elapsed > 0 ? done / elapsed : 0;
    long total = s == VideoJobStatus.DONE ? done : info.estimatedFrames();
    Double eta = s == VideoJobStatus.DONE ? Double.valueOf(0)
        : s == VideoJobStatus.RUNNING && fps > 0 && total >= done ? (total - done) / fps : null;
    int analysed;
    synchronized (frames) {
      analysed = frames.size();
    }
    return new VideoJobState(id, name, s, total, done, analysed, fps, eta, reason);
  }

  /** Asks a queued or running analysis to stop; it ends as cancelled. */
  public synchronized void cancel() {
    cancelRequested = true;
    if (status == VideoJobStatus.QUEUED) {
      finish(VideoJobStatus.CANCELLED, null);
    }
  }

  /**
   * The frame at {@code index} decoded again from the uploaded clip (for scrubbing and key
   * frames), or null when there is none.
   */
  public DecodedFrame decodeFrame(int index) throws VideoReadException {
    try (ClipReader reader = ClipReader.open(source, name, limits)) {
      return reader.frameAt(index);
    }
  }

  /** The finished clip, for its report. */
  public AnalysedClip analysedClip() {
    return new AnalysedClip(name, info, settings, framesDone, frames(), this::decodeFrame);
  }

  /** Runs the analysis on the calling thread; never throws. */
  void run(FrameInference inference) {
    if (!begin()) {
      return;
    }
    try (ClipReader reader = ClipReader.open(source, name, limits);
        ClipWriter writer = ClipWriter.inMemory(VideoFormat.WEBM, info.width(), info.height(),
            info.framesPerSecond())) {
      new ClipAnalyzer(inference, settings).analyze(reader, writer, new AnalysisListener() {
        @Override
        public void frameDone(int done) {
          framesDone = done;
        }

        @Override
        public void analysed(AnalysedFrame frame) {
          synchronized (frames) {
            frames.add(frame);
          }
        }

        @Override
        public boolean cancelled() {
          return cancelRequested;
        }
      });
      annotated = writer.finish();
      finish(VideoJobStatus.DONE, null);
    } catch (CancellationException e) {
      finish(VideoJobStatus.CANCELLED, null);
    } catch (VideoReadException | FrameInferenceException e) {
      finish(VideoJobStatus.FAILED, e.getMessage());
    } catch (RuntimeException | Error e) {
      // A programming error or the JVM short of memory: loud in the log, a clear reason to the
      // user, and the other jobs go on.
      log.error("Analysis of clip {} failed", tag, e);
      finish(VideoJobStatus.FAILED, name + ": the server could not analyse this clip ("
          + e.getClass().getSimpleName() + "); the server log has the details under " + tag);
    }
  }

  /** Queued to running, unless it was cancelled meanwhile. */
  private synchronized boolean begin() {
    if (status != VideoJobStatus.QUEUED || cancelRequested) {
      finish(VideoJobStatus.CANCELLED, null);
      return false;
    }
    startNanos = System.nanoTime();
    status = VideoJobStatus.RUNNING;
    return true;
  }

  private synchronized void finish(VideoJobStatus end, String why) {
    if (status.finished()) {
      return;
    }
    seconds = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    reason = why;
    finishedAt = Instant.now();
    status = end;
  }
}
