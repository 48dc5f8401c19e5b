package org.polypseg.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.polypseg.archive.ArchiveInputException;
import org.polypseg.archive.ArchiveJob;
import org.polypseg.archive.ArchiveSettings;
import org.polypseg.archive.ArchiveSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive command's work, apart from {@link ArchiveCommand} so that picocli can list that
 * command in the web app's jar, which has no Spark: this class is loaded only when it runs.
 */
final class ArchiveRun {

  private ArchiveRun() {}

  static int run(List<String> inputs, String output, String masks, double threshold, int stride,
      String modelDir, String backend, String master, boolean overwrite, boolean writeMasks,
      PrintStream out, PrintStream err) {
    quietSpark();
    ArchiveSettings settings = new ArchiveSettings(inputs, output, masks, threshold, stride,
        modelDir, backend, overwrite, writeMasks);
    try {
      ArchiveSummary s = ArchiveJob.run(settings, master, err);
      out.printf(Locale.ROOT, "wrote %s: frames/, clips/, errors/ (Parquet), summary.json%n"
          + "  %d files: %d frames, %d clips (%d frames read); %d frames segmented, %d with a"
          + " polyp (%.1f %%); %d errors%n  %.1f s on %s (%d cores): %.1f frames/s%n",
          s.output(), s.files(), s.images(), s.clips(), s.clipFrames(), s.frames(),
          s.polypFrames(), 100 * s.polypFrameShare(), s.errors(), s.seconds(), s.master(),
          s.cores(), s.framesPerSecond());
      if (s.errors() > 0) {
        out.println("  the files that could not be used, with the reason: " + s.output()
            + "/errors");
      }
    } catch (ArchiveInputException e) {
      throw new UserError(e.getMessage());
    }
    return 0;
  }

  /**
   * Without Spring Boot's logging set-up Logback logs everything at DEBUG: Spark's start-up would
   * bury the progress line. Warnings and errors still show.
   */
  static void quietSpark() {
    try {
      Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
      if (root instanceof ch.qos.logback.classic.Logger logback
          && System.getProperty("logback.configurationFile") == null) {
        logback.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    } catch (NoClassDefFoundError e) {
      // No Logback under spark-submit (the cluster's Log4j settings apply there).
    }
  }
}
