package org.polypseg.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.polypseg.segment.SegmentationService;
import org.polypseg.video.AnalysisListener;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.ClipAnalyzer;
import org.polypseg.video.ClipReader;
import org.polypseg.video.ClipSummary;
import org.polypseg.video.ClipWriter;
import org.polypseg.video.DecodedFrame;
import org.polypseg.video.FrameInference;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoLimits;
import org.polypseg.video.VideoReadException;

/**
 * Clip throughput against single-image inference on the same frames: a synthetic clip (moving
 * shapes on a textured background, so the encoder has real work) is encoded once, decoded once
 * for the image figure, then analysed end to end.
 */
final class VideoBenchmark {

  /** The two sizes: CVC-ClinicDB's 384 x 288 and Kvasir-SEG's usual 622 x 530. */
  static final int[][] SIZES = {{384, 288}, {622, 530}};

  private final SegmentationService service;
  private final PrintStream log;

  private final int workers;

  VideoBenchmark(SegmentationService service, PrintStream log, int workers) {
    this.service = service;
    this.log = log;
    this.workers = workers;
  }

  List<VideoThroughput> run(int frames) {
    List<VideoThroughput> results = new ArrayList<>();
    for (int[] size : SIZES) {
      results.add(measure(size[0], size[1], frames));
    }
    return results;
  }

  private VideoThroughput measure(int width, int height, int count) {
    byte[] clip = clip(width, height, count);
    List<BufferedImage> decoded = decode(clip);
    service.segment(decoded.getFirst()); // warm-up at this size
    long start = System.nanoTime();
    for (BufferedImage frame : decoded) {
      service.segment(frame);
    }
    double imageFps = decoded.size() / ((System.nanoTime() - start) / 1e9);
    decoded = null; // only one clip's frames in memory at a time

    ExecutorService worker = Executors.newFixedThreadPool(workers,
        Thread.ofPlatform().daemon().name("benchmark-inference-", 0).factory());
    try (ClipReader reader = ClipReader.open(clip, "benchmark.webm", VideoLimits.DEFAULT);
        ClipWriter writer = ClipWriter.inMemory(VideoFormat.WEBM, width, height, 25)) {
      FrameInference pooled = new FrameInference() {
        @Override
        public CompletableFuture<org.polypseg.segment.Segmentation> segment(BufferedImage f) {
          return CompletableFuture.supplyAsync(() -> service.segment(f), worker);
        }

        @Override
        public int parallelism() {
          return workers;
        }
      };
      ClipSummary summary = new ClipAnalyzer(pooled, new AnalysisSettings(1, 0.5))
          .analyze(reader, writer, new AnalysisListener() {});
      writer.finish();
      double videoFps = summary.frames() / summary.seconds();
      VideoThroughput result = new VideoThroughput(width, height, count, imageFps, videoFps,
          videoFps / imageFps);
      log.printf("video %dx%d, %d frames, %d in the model at once: end to end %.2f frames/s vs"
          + " single-image inference %.2f images/s: %.2fx%n", width, height, count, workers,
          videoFps, imageFps, result.ratio());
      return result;
    } catch (VideoReadException e) {
      throw new IllegalStateException("the benchmark's own clip cannot be read: "
          + e.getMessage(), e);
    } finally {
      worker.shutdownNow();
    }
  }

  private static List<BufferedImage> decode(byte[] clip) {
    List<BufferedImage> frames = new ArrayList<>();
    try (ClipReader reader = ClipReader.open(clip, "benchmark.webm", VideoLimits.DEFAULT)) {
      DecodedFrame f;
      while ((f = reader.next()) != null) {
        frames.add(f.image());
      }
    } catch (VideoReadException e) {
      throw new IllegalStateException("the benchmark's own clip cannot be read: "
          + e.getMessage(), e);
    }
    return frames;
  }

  /** A clip of moving ellipses on a noisy reddish background, VP8 in memory. */
  static byte[] clip(int width, int height, int count) {
    Random random = new Random(11);
    BufferedImage background = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int n = random.nextInt(40);
        background.setRGB(x, y, new Color(180 + n / 2, 90 + n, 80 + n).getRGB());
      }
    }
    try (ClipWriter writer = ClipWriter.inMemory(VideoFormat.WEBM, width, height, 25)) {
      for (int i = 0; i < count; i++) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.drawImage(background, 0, 0, null);
        g.setColor(new Color(150, 40, 40));
        int w = width / 4;
        int h = height / 4;
        double t = i / (double) Math.max(1, count);
        g.fillOval((int) ((width - w) * t), (int) ((height - h) * (0.5 + 0.4 * Math.sin(6 * t))),
            w, h);
        g.dispose();
        writer.write(frame);
      }
      return writer.finish();
    }
  }
}
