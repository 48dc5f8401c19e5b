package org.polypseg.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelMetrics;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;

/**
 * Word and PDF reports on segmented images, from the editable templates.
 *
 * <p>A one-image report shows the image and its overlay, the threshold, the polyp area, each
 * region, Dice and IoU when a ground-truth mask was given, the inference time, the model and its
 * validated test figures, and the intended use. A batch report adds a summary table (mean ± sd over
 * the images) and charts of the per-image Dice and area. Thread-safe; the templates and the
 * model's {@code metrics.json} are read again for every report, so edits show at once.
 */
public final class ReportService {

  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  /** Longest part of a file name taken from a case label or an image name, characters. */
  private static final int NAME_PART = 40;

  private final ReportTemplates templates;
  private final Path modelDir;
  private final ReportProperties.Clinic clinic;

  /** Reports with the texts file's letterhead (no clinic configured). */
  public ReportService(ReportTemplates templates, Path modelDir) {
    this(templates, modelDir, ReportProperties.Clinic.NONE);
  }

  /**
   * @param templates where the templates are ({@link ReportTemplates#defaults()} for the usual)
   * @param modelDir the model folder whose {@code metrics.json} holds the validated test figures,
   *     or null to print them as not yet measured
   * @param clinic the letterhead printed on every page, or {@link ReportProperties.Clinic#NONE}
   */
  public ReportService(ReportTemplates templates, Path modelDir, ReportProperties.Clinic clinic) {
    this.templates = templates;
    this.modelDir = modelDir;
    this.clinic = clinic == null ? ReportProperties.Clinic.NONE : clinic;
  }

  /**
   * The report as a document.
   *
   * @throws ReportException when a template or {@code metrics.json} cannot be used (the message
   *     names the file)
   */
  public byte[] render(ReportRequest request, ReportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    render(request, format, out);
    return out.toByteArray();
  }

  /** Writes the report to {@code out} (left open); see {@link #render(ReportRequest, ReportFormat)}. */
  public void render(ReportRequest request, ReportFormat format, OutputStream out) {
    write(request, format, out, metrics());
  }

  /**
   * Proves that the template of {@code format} works by making two small reports with it (one
   * image; two images, one with a truth mask) that use every part of the template, and that the
   * model's {@code metrics.json}, if any, can be read. Call it before long work (segmenting a
   * batch) or at start-up; it also loads the libraries, so the next report is faster.
   *
   * @throws ReportException naming the file when something cannot be used
   */
  public void verifyTemplate(ReportFormat format) {
    metrics();
    ModelSummary model = new ModelSummary("template check", "0".repeat(64), "strange", 4, 2, 8);
    Optional<ModelMetrics> figures = Optional.of(new ModelMetrics("check", List.of(
        new ModelMetrics.TestSetFigures("check", 1, 0.5, 0.4, 0.6, "f".repeat(64)))));
    ReportItem withRegion = tinyItem("a.png", model, true);
    ReportItem empty = tinyItem("b.png", model, false);
    write(ReportRequest.of(null, List.of(withRegion)), format, OutputStream.nullOutputStream(),
        figures);
    write(new ReportRequest("check", List.of(empty, withRegion), null,
        List.of(new ReportRequest.Failure("c.png", "not an image"))), format,
        OutputStream.nullOutputStream(), Optional.empty());
  }

  private static ReportItem tinyItem(String name, ModelSummary model, boolean polyp) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    float[] p = new float[64];
    boolean[] truth = new boolean[64];
    for (int i : new int[] {18, 19, 26, 27}) {
      p[i] = polyp ? 0.9f : 0.1f;
      truth[i] = true;
    }
    return new ReportItem(name, image, new Segmentation(8, 8, p, 1, model), 0.5,
        polyp ? truth : null);
  }

  private void write(ReportRequest request, ReportFormat format, OutputStream out,
      Optional<ModelMetrics> metrics) {
    // Read the template first: a broken one fails before any image work is done.
    ReportTemplates.Template template =
        format == ReportFormat.PDF ? templates.pdf() : templates.docx();
    // Both formats take their wording from the texts file: one source, the same sentences.
    ReportTexts texts = ReportTexts.load(templates.pdf());
    ReportData data = ReportData.prepare(request, metrics);
    ReportWording wording = new ReportWording(texts, data, clinic);
    switch (format) {
      case PDF -> new PdfReportWriter(texts).write(data, wording, out);
      case DOCX -> DocxReportWriter.write(data, wording, template, out);
    }
  }

  /**
   * A clip's report as a document: its facts, timeline chart, detection stretches and key frames.
   *
   * @throws ReportException when the PDF texts template (for the intended use) cannot be used
   */
  public byte[] renderClip(ClipReportRequest request, ReportFormat format) {
    ClipReportContent content = new ClipReportContent(request, ReportTexts.load(templates.pdf()));
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    switch (format) {
      case PDF -> new ClipPdfWriter(content, clinic).write(out);
      case DOCX -> new ClipDocxWriter(content, clinic).write(out);
    }
    return out.toByteArray();
  }

  /** A file name for a clip's report: {@code polyp-clip-report-20261124-231005.pdf}. */
  public static String clipFileName(ClipReportRequest request, ReportFormat format) {
    return "polyp-clip-report-" + FILE_STAMP.format(request.createdAt()) + "."
        + format.extension();
  }

  /**
   * A file name for the report that says what it is about, then when it was made: the case label
   * and the image's name for one image ({@code polyp-report-study-12-cju1-20261124-231005.pdf},
   * {@code polyp-report-cju1-20261124-231005.pdf} without a label), the case label and the number
   * of files for a batch ({@code polyp-batch-report-study-12-3-images-20261124-231005.pdf}). Only
   * letters, digits, '.', '_' and '-' are kept (accents dropped), so that every file system and
   * mail client takes the name as it is.
   */
  public static String fileName(ReportRequest request, ReportFormat format) {
    List<String> parts = new java.util.ArrayList<>();
    parts.add(request.isBatch() ? "polyp-batch-report" : "polyp-report");
    fileNamePart(request.caseLabel()).ifPresent(parts::add);
    if (request.isBatch()) {
      parts.add((request.items().size() + request.failures().size()) + "-images");
    } else {
      fileNamePart(stem(request.items().getFirst().name())).ifPresent(parts::add);
    }
    parts.add(FILE_STAMP.format(request.createdAt()));
    return String.join("-", parts) + "." + format.extension();
  }

  private static String stem(String name) {
    String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** A label or name as part of a file name, or empty when nothing usable is left. */
  static Optional<String> fileNamePart(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "");
    String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("^[-.]+|[-.]+$", "");
    if (safe.length() > NAME_PART) {
      safe = safe.substring(0, NAME_PART).replaceAll("[-.]+$", "");
    }
    return safe.isEmpty() ? Optional.empty() : Optional.of(safe);
  }

  private Optional<ModelMetrics> metrics() {
    if (modelDir == null) {
      return Optional.empty();
    }
    try {
      return ModelMetrics.read(modelDir);
    } catch (ModelLoadException e) {
      throw new ReportException(e.getMessage(), e);
    }
  }
}
