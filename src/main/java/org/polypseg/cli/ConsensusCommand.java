package org.polypseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polypseg.study.consensus.AgreementFigures;
import org.polypseg.study.consensus.FrameDisagreement;
import org.polypseg.study.consensus.MaskFolderConsensus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "consensus", mixinStandardHelpOptions = true,
    description = {"The STAPLE consensus of several raters' masks of the same frames, and how well"
        + " the raters agree.",
        "Reads one folder of binary masks per rater (the same file names in each), writes each"
            + " frame's consensus mask as a 0/255 PNG of the same name into --out, and prints"
            + " (and with --json writes) each rater's STAPLE sensitivity and specificity, Dice"
            + " against the other raters and against the consensus, and the frames whose raters"
            + " disagree most."})
final class ConsensusCommand implements Callable<Integer> {

  @Option(names = "--raters", required = true, arity = "1..*", paramLabel = "DIR",
      description = "one folder of masks per rater, at least two (white = polyp)")
  List<Path> raters;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "folder for the consensus masks (created; same-named files replaced)")
  Path out;

  @Option(names = "--json", paramLabel = "FILE", description = "write the figures as JSON here")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (json != null && Files.isDirectory(json)) {
      throw new UserError(json + ": is a folder; --json takes a file name");
    }
    MaskFolderConsensus.Outcome outcome;
    try {
      outcome = MaskFolderConsensus.run(raters, out);
    } catch (IOException e) {
      throw new UserError("cannot write the consensus masks to " + out + " (" + e.getMessage()
          + "); nothing was written");
    }
    AgreementFigures figures = outcome.figures();
    System.out.printf("%-18s %d%n", "frames", figures.frames());
    System.out.printf("%-18s %.4f (mean label fraction); %s after %d EM rounds%n", "STAPLE prior",
        figures.staple().prior(), figures.staple().converged() ? "converged" : "NOT converged",
        figures.staple().iterations());
    System.out.printf("%n%-18s %11s %11s %9s %14s%n", "rater", "sensitivity", "specificity",
        "meanDice", "consensusDice");
    for (String rater : figures.raters()) {
      System.out.printf("%-18s %11s %11s %9.4f %14.4f%n", rater,
          orDash(figures.sensitivity().get(rater)), orDash(figures.specificity().get(rater)),
          figures.meanDice().get(rater), figures.consensusDice().get(rater));
    }
    List<FrameDisagreement> most = figures.framesByDisagreement().stream().limit(5).toList();
    System.out.printf("%nmost disagreement (1 - mean pairwise Dice):%n");
    for (FrameDisagreement frame : most) {
      System.out.printf("  %-30s %.4f%n", frame.frame(), frame.disagreement());
    }
    System.out.println("wrote " + figures.frames() + " consensus masks to " + outcome.out());
    JsonOutput.write(json, figures);
    return 0;
  }

  private static String orDash(Double value) {
    return value == null ? "-" : String.format("%.4f", value);
  }
}
