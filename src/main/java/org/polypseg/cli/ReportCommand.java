package org.polypseg.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportItem;
import org.polypseg.report.ReportRequest;
import org.polypseg.report.ReportService;
import org.polypseg.report.ReportTemplates;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Segment images and write a Word or PDF report: one image, or a batch with a summary.",
        "Every input is checked before any work: a bad image or mask is named and nothing is"
            + " written (exit code 2)."})
final class ReportCommand implements Callable<Integer> {

  private static final List<String> MASK_EXTENSIONS =
      List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "images to segment (PNG, JPEG, TIFF, BMP)")
  List<Path> images;

  @Option(names = "--masks", paramLabel = "DIR",
      description = "ground-truth masks, matched to the images by base name (mask > 128 is polyp);"
          + " with one, the report gives Dice and IoU")
  Path masks;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
      description = "a pixel is polyp when its probability is >= this (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--case", paramLabel = "LABEL",
      description = "a short case label printed on the report; no patient names or identifiers")
  String caseLabel;

  @Option(names = "--format", paramLabel = "pdf|docx",
      description = "report format (default: from the --out file's extension)")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "report file to write")
  Path out;

  @Option(names = "--model", defaultValue = "models", paramLabel = "DIR",
      description = "model folder (default: ${DEFAULT-VALUE}); its metrics.json gives the validated figures")
  Path model;

  @Option(names = "--backend", defaultValue = "strange", paramLabel = "NAME",
      description = "quantum simulator for inference: strange or statevector (default: ${DEFAULT-VALUE})")
  String backend;

  @Option(names = "--template", paramLabel = "FILE",
      description = "template to use instead of reports/templates/ (a .docx, or the PDF's .properties)")
  Path template;

  @Option(names = "--timings",
      description = "print the time of each step: template check, segmentation, report")
  boolean timings;

  @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
      description = "with --timings: make the report N times and print each time (warm figures)")
  int repeat;

  @Override
  public Integer call() throws Exception {
    ReportFormat reportFormat = reportFormat();
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new UserError("--threshold must be between 0 and 1, not " + threshold);
    }
    if (repeat < 1) {
      throw new UserError("--repeat must be at least 1");
    }
    try {
      caseLabel = ReportRequest.checkCaseLabel(caseLabel);
    } catch (IllegalArgumentException e) {
      throw new UserError("--case: " + e.getMessage());
    }
    if (Files.isDirectory(out)) {
      throw new UserError(out + ": is a folder; --out needs a file name");
    }
    ReportTemplates templates = reportFormat == ReportFormat.PDF
        ? new ReportTemplates(null, template) : new ReportTemplates(template, null);
    ReportService reports = new ReportService(templates, model);

    long start = System.nanoTime();
    reports.verifyTemplate(reportFormat);
    long checked = System.nanoTime();
    List<Input> inputs = readInputs();
    SegmentationService segmenter =
        new SegmentationService(ModelStore.load(model, backend(backend)));
    long loaded = System.nanoTime();

    List<ReportItem> items = new ArrayList<>();
    for (Input input : inputs) {
      Segmentation s = segmenter.segment(input.image());
      items.add(new ReportItem(input.file().getFileName().toString(), input.image(), s, threshold,
          input.truth()));
      if (timings) {
        System.out.printf(Locale.ROOT, "segmented %s in %.0f ms%n", input.file(), s.inferenceMs());
      }
    }
    ReportRequest request = ReportRequest.of(caseLabel, items);
    byte[] document = null;
    for (int i = 0; i < repeat; i++) {
      long t = System.nanoTime();
      document = reports.render(request, reportFormat);
      if (timings) {
        System.out.printf(Locale.ROOT, "report (%d image%s, %s) made in %.0f ms%n", items.size(),
            items.size() == 1 ? "" : "s", reportFormat.extension(), (System.nanoTime() - t) / 1e6);
      }
    }
    write(document);
    if (timings) {
      System.out.printf(Locale.ROOT, "template check %.0f ms (first use loads the libraries);"
          + " reading + model load %.0f ms%n", (checked - start) / 1e6, (loaded - checked) / 1e6);
    }
    System.out.printf(Locale.ROOT, "wrote %s (%d image%s, %d KB)%n", out, items.size(),
        items.size() == 1 ? "" : "s", (document.length + 1023) / 1024);
    return 0;
  }

  private ReportFormat reportFormat() {
    String name = format;
    if (name == null) {
      String file = out.getFileName().toString();
      int dot = file.lastIndexOf('.');
      if (dot < 0) {
        throw new UserError("give --format pdf or docx (the --out file has no extension)");
      }
      name = file.substring(dot + 1);
    }
    try {
      return ReportFormat.parse(name);
    } catch (IllegalArgumentException e) {
      throw new UserError((format == null ? "--out " + out + ": " : "--format: ") + e.getMessage());
    }
  }

  private static CircuitBackend backend(String name) {
    try {
      return CircuitBackend.named(name);
    } catch (IllegalArgumentException e) {
      throw new UserError("--backend: " + e.getMessage());
    }
  }

  /** An image with its truth mask (or null). */
  private record Input(Path file, BufferedImage image, boolean[] truth) {}

  /** Reads every image and mask; all problems are reported together, before any work. */
  private List<Input> readInputs() {
    List<String> problems = new ArrayList<>();
    if (masks != null && !Files.isDirectory(masks)) {
      throw new UserError(masks + ": --masks folder not found");
    }
    List<Input> inputs = new ArrayList<>();
    for (Path file : images) {
      BufferedImage image;
      try {
        image = Images.readRgb(file);
      } catch (ImageReadException e) {
        problems.add(e.getMessage());
        continue;
      }
      boolean[] truth = null;
      if (masks != null) {
        List<Path> found = masksFor(file);
        if (found.isEmpty()) {
          System.err.println("note: no mask for " + file.getFileName() + " in " + masks
              + "; its Dice and IoU are left out");
        } else if (found.size() > 1) {
          problems.add(file + ": several masks share its base name in " + masks + ": " + found);
        } else {
          truth = readMask(found.getFirst(), file, image, problems);
        }
      }
      inputs.add(new Input(file, image, truth));
    }
    if (!problems.isEmpty()) {
      throw new UserError(problems.size() == 1 ? problems.getFirst()
          : problems.size() + " problems, nothing written:\n  " + String.join("\n  ", problems));
    }
    return inputs;
  }

  private static boolean[] readMask(Path mask, Path file, BufferedImage image,
      List<String> problems) {
    try {
      BufferedImage m = Images.readRgb(mask);
      if (m.getWidth() != image.getWidth() || m.getHeight() != image.getHeight()) {
        problems.add(mask + ": mask is " + m.getWidth() + "x" + m.getHeight() + " but its image "
            + file.getFileName() + " is " + image.getWidth() + "x" + image.getHeight());
        return null;
      }
      return Masks.truth(m, mask.toString());
    } catch (ImageReadException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private List<Path> masksFor(Path image) {
    String base = baseName(image.getFileName().toString());
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(masks)) {
      for (Path candidate : files) {
        String name = candidate.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.substring(0, dot).equals(base)
            && MASK_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
          found.add(candidate);
        }
      }
    } catch (IOException e) {
      throw new UserError(masks + ": cannot be listed (" + e.getMessage() + ")");
    }
    found.sort(null);
    return found;
  }

  private static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** Writes beside the target first, so a failure never leaves half a report. */
  private void write(byte[] document) throws IOException {
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // Not createTempFile: its owner-only permissions would carry over to the report.
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
        + ".tmp");
    try {
      Files.write(tmp, document);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
