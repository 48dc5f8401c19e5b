package org.polypseg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polypseg.model.LoadedModel;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportService;
import org.polypseg.report.ReportTemplates;
import org.polypseg.segment.SegmentationService;
import org.polypseg.video.AnalysedClip;
import org.polypseg.video.AnalysedFrame;
import org.polypseg.video.AnalysisListener;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.ClipAnalyzer;
import org.polypseg.video.ClipReader;
import org.polypseg.video.ClipReportMaker;
import org.polypseg.video.ClipSummary;
import org.polypseg.video.ClipWriter;
import org.polypseg.video.FrameInference;
import org.polypseg.video.FramesCsv;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoLimits;
import org.polypseg.video.VideoReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "video", mixinStandardHelpOptions = true,
    description = {
        "Segment every frame (or every Nth) of a colonoscopy clip and write the annotated video,",
        "optionally the per-frame figures as CSV and a PDF or Word report of the clip.",
        "In: MP4 (H.264), WebM (VP8/VP9), AVI, MOV. A clip that cannot be read is named with the"
            + " reason and nothing is written (exit code 2)."})
final class VideoCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", description = "the clip")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "ANNOTATED",
      description = "annotated video to write: .webm (VP8, plays in browsers), .mp4/.mov (H.264)"
          + " or .avi")
  Path out;

  @Option(names = "--csv", paramLabel = "FILE", description = "per-frame figures as CSV")
  Path csv;

  @Option(names = "--report", paramLabel = "FILE.pdf|.docx", description = "a report of the clip")
  Path report;

  @Option(names = "--stride", defaultValue = "1", paramLabel = "N",
      description = "segment every Nth frame (default: ${DEFAULT-VALUE}, every frame)")
  int stride;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
      description = "a pixel is polyp when its probability is >= this (default: ${DEFAULT-VALUE})")
  double threshold;

  @Mixin ModelOption modelOption;

  @Override
  public Integer call() throws Exception {
    AnalysisSettings settings;
    try {
      settings = new AnalysisSettings(stride, threshold);
    } catch (IllegalArgumentException e) {
      throw new UserError("--" + e.getMessage());
    }
    VideoFormat format = outputFormat(out, "--out");
    ReportFormat reportFormat = report == null ? null : reportFormat();
    for (Path target : outputs()) {
      if (Files.isDirectory(target)) {
        throw new UserError(target + ": is a folder; give a file name");
      }
    }
    ReportService reports = null;
    if (reportFormat != null) {
      reports = new ReportService(ReportTemplates.defaults(), modelOption.resolve());
      reports.verifyTemplate(reportFormat);
    }
    VideoLimits limits = VideoLimits.DEFAULT;
    List<AnalysedFrame> frames = new ArrayList<>();
    Path tmpVideo = temporary(out);
    // As the server runs clips: a frame per core at once, one PyTorch thread each (measured
    // faster on 2 cores than one frame on both: README, Video). Must be set before the engine
    // starts; -Dai.djl.pytorch.num_threads=... on the command line wins.
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1");
    }
    try (ClipReader reader = ClipReader.open(in, limits);
        LoadedModel model = modelOption.load()) {
      SegmentationService service = new SegmentationService(model);
      try (FrameInference.Pooled pooled = FrameInference.pooled(service::segment, workers)) {
        FrameInference inference = pooled.inference();
        ClipSummary summary;
        try (ClipWriter writer = ClipWriter.toFile(tmpVideo, format, reader.info().width(),
                reader.info().height(), reader.info().framesPerSecond());
            ProgressBar bar = new ProgressBarBuilder().setTaskName("frames")
                .setInitialMax(reader.info().estimatedFrames() > 0
                    ? reader.info().estimatedFrames() : -1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1).build()) {
          summary = new ClipAnalyzer(inference, settings).analyze(reader, writer,
              new AnalysisListener() {
                @Override
                public void frameDone(int done) {
                  bar.stepTo(done);
                }

                @Override
                public void analysed(AnalysedFrame frame) {
                  frames.add(frame);
                }
              });
          writer.finish();
        }
        Files.move(tmpVideo, out.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(Locale.ROOT, "wrote %s: %d frames, %d analysed, %.1f frames/s%n", out,
            summary.frames(), summary.analysedFrames(), summary.framesPerSecond());
        if (csv != null) {
          write(csv, FramesCsv.of(frames.stream().map(AnalysedFrame::figures).toList())
              .getBytes(StandardCharsets.UTF_8));
          System.out.println("wrote " + csv + " (" + frames.size() + " rows)");
        }
        if (reports != null) {
          AnalysedClip clip = new AnalysedClip(in.getFileName().toString(), summary.info(),
              settings, summary.frames(), frames, index -> {
                try (ClipReader again = ClipReader.open(in, limits)) {
                  return again.frameAt(index);
                }
              });
          ClipReportMaker maker = new ClipReportMaker(reports, inference, service.model());
          write(report, maker.render(maker.request(clip), reportFormat));
          System.out.println("wrote " + report);
        }
      }
    } catch (VideoReadException e) {
      throw new UserError(e.getMessage());
    } finally {
      Files.deleteIfExists(tmpVideo);
    }
    return 0;
  }

  private List<Path> outputs() {
    List<Path> targets = new ArrayList<>(List.of(out));
    if (csv != null) {
      targets.add(csv);
    }
    if (report != null) {
      targets.add(report);
    }
    return targets;
  }

  private static VideoFormat outputFormat(Path file, String option) {
    try {
      return VideoFormat.of(file);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + " " + e.getMessage());
    }
  }

  private ReportFormat reportFormat() {
    String file = report.getFileName().toString();
    int dot = file.lastIndexOf('.');
    try {
      return ReportFormat.parse(dot < 0 ? "" : file.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new UserError("--report " + report + ": name it .pdf or .docx");
    }
  }

  /** Beside the target, so that a failure never leaves half a file under its name. */
  private static Path temporary(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    String name = absolute.getFileName().toString();
    // The muxer picks nothing from the name (the format is set), but keep the extension anyway.
    return absolute.resolveSibling("." + name + "." + ProcessHandle.current().pid() + ".tmp."
        + name.substring(name.lastIndexOf('.') + 1));
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = temporary(target);
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
