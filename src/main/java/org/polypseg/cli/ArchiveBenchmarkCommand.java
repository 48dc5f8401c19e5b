package org.polypseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polypseg.archive.ArchiveBenchmark;
import org.polypseg.archive.ArchiveInputException;
import org.polypseg.archive.ArchiveSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "archive-benchmark", mixinStandardHelpOptions = true,
    description = {
        "Frames/s of the archive job (embedded Spark, local[2] and local[1]) against the command",
        "line's own batch rate on the same frames. Run it on an idle machine: the ratios come from",
        "one run. Run it as ./polypseg archive-benchmark (Spark on the class path)."})
final class ArchiveBenchmarkCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "DIR",
      description = "a folder of frames, e.g. ../shared/datasets/TestDataset/Kvasir/images")
  Path input;

  @Option(names = "--frames", defaultValue = "100", paramLabel = "N",
      description = "the first N frames of the folder (default: ${DEFAULT-VALUE})")
  int frames;

  @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: models/)")
  Path model;

  @Option(names = "--json", paramLabel = "FILE", description = "write the figures as JSON here")
  Path json;

  @Override
  public Integer call() throws IOException {
    if (frames < 4) {
      throw new UserError("--frames must be at least 4");
    }
    ArchiveCommand.requireSpark("archive-benchmark");
    ArchiveRun.quietSpark();
    ModelOption modelOption = new ModelOption();
    modelOption.model = model;
    ArchiveSettings settings = new ArchiveSettings(List.of(input.toString()), "unused", null,
        0.5, 1, modelOption.resolve().toAbsolutePath().toString(), "strange", false, false);
    Path work = Files.createTempDirectory("polypseg-archive-benchmark-");
    try {
      ArchiveBenchmark.Result result =
          ArchiveBenchmark.run(input, frames, settings, work, System.out);
      JsonOutput.write(json, result);
    } catch (ArchiveInputException e) {
      throw new UserError(e.getMessage());
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
