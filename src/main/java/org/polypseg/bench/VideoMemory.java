package org.polypseg.bench;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.polypseg.segment.Segmentation;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.FrameInference;
import org.polypseg.video.VideoJob;
import org.polypseg.video.VideoJobs;
import org.polypseg.video.VideoProperties;
import org.polypseg.video.VideoReadException;

/**
 * What a long clip costs the server in memory: a synthetic clip (384 x 288, 25 frames/s, VP8) is
 * analysed at stride 1 through {@link VideoJobs}, the server's own job runner, while this
 * process's resident memory (VmRSS) is sampled. The growth from before the clip was handed over
 * to the peak, and to the end with the results still held, plus the clip's own bytes (made before
 * the first reading; the server holds the upload as the job does), is what the clip cost.
 *
 * <p>The network is replaced by a stand-in that thresholds the frame's redness: PyTorch's memory
 * per inference is the same for every frame and is reused, so it is not the clip's cost, and the
 * stand-in runs a 10-minute clip in minutes instead of the model's quarter of an hour.
 */
public final class VideoMemory {

  private static final int WIDTH = 384;
  private static final int HEIGHT = 288;
  private static final int FPS = 25;

  private final PrintStream log;

  public VideoMemory(PrintStream log) {
    this.log = log;
  }

  public VideoMemoryResult measure(double minutes) {
    int frames = (int) Math.round(minutes * 60 * FPS);
    log.printf("video memory: encoding a %.1f-minute %dx%d clip (%d frames)...%n", minutes,
        WIDTH, HEIGHT, frames);
    byte[] clip = VideoBenchmark.clip(WIDTH, HEIGHT, frames);
    long upload = clip.length;
    ServerMemory memory = ServerMemory.of(ProcessHandle.current().pid());
    System.gc();
    long before = memory.residentBytes().orElse(0);
    FrameInference.Pooled pooled = FrameInference.pooled(VideoMemory::standIn,
        Math.max(1, Runtime.getRuntime().availableProcessors()));
    VideoJobs jobs = new VideoJobs(pooled.inference(), VideoProperties.DEFAULTS);
    long peak = before;
    long start = System.nanoTime();
    try {
      VideoJob job = jobs.submit("memory.webm", "benchmark", clip,
          new AnalysisSettings(1, 0.5));
      clip = null; // the job holds the upload now, as the server's does
      while (!job.status().finished()) {
        peak = Math.max(peak, memory.residentBytes().orElse(0));
        TimeUnit.MILLISECONDS.sleep(100);
      }
      peak = Math.max(peak, memory.residentBytes().orElse(0));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      long after = memory.residentBytes().orElse(0);
      long annotated = job.annotated() == null ? 0 : job.annotated().length;
      VideoMemoryResult result = new VideoMemoryResult(minutes, WIDTH, HEIGHT, frames,
          job.frames().size(), job.status().apiName(), seconds, upload, before, peak, after,
          annotated);
      log.printf("video memory: %d frames analysed (%s) in %.0f s; the upload %.1f MB; resident "
          + "%.0f MB before, peak %.0f MB, after a GC with the results held %.0f MB; the clip's "
          + "cost with its upload: peak +%.0f MB, held +%.0f MB; annotated clip %.1f MB%n",
          result.framesAnalysed(), result.status(), seconds, mb(upload), mb(before), mb(peak),
          mb(after), mb(result.peakGrowth()), mb(after - before + upload), mb(annotated));
      return result;
    } catch (VideoReadException | VideoJobs.Full e) {
      throw new IllegalStateException("the benchmark's own clip was refused: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pooled.close();
    }
  }

  /** A frame's redness as its "probability": the synthetic polyps are darker red. */
  private static Segmentation standIn(BufferedImage frame) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    float[] p = new float[w * h];
    int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < p.length; i++) {
      int r = (rgb[i] >> 16) & 0xFF;
      int g = (rgb[i] >> 8) & 0xFF;
      p[i] = Math.max(0, Math.min(1, (r - g - 60) / 80f));
    }
    return new Segmentation(w, h, p, 0, null);
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }
}
