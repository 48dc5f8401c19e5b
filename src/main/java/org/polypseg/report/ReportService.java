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

  private final ReportTemplates templates;
  private final Path modelDir;

  /**
   * @param templates where the templates are ({@link ReportTemplates#defaults()} for the usual)
   * @param modelDir the model folder whose {@code metrics.json} holds the validated test figures,
   *     or null to print them as not yet measured
   */
  public ReportService(ReportTemplates templates, Path modelDir) {
    this.templates = templates;
    this.modelDir = modelDir;
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
    write(ReportRequest.of("check", List.of(empty, withRegion)), format,
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
    PdfTexts texts = format == ReportFormat.PDF ? PdfTexts.load(template) : null;
    ReportData data = ReportData.prepare(request, metrics);
    switch (format) {
      case PDF -> new PdfReportWriter(texts).write(data, out);
      case DOCX -> DocxReportWriter.write(data, template, out);
    }
  }

  /**
   * A clip's report as a document: its facts, timeline chart, detection stretches and key frames.
   *
   * @throws ReportException when the PDF texts template (for the intended use) cannot be used
   */
  public byte[] renderClip(ClipReportRequest request, ReportFormat format) {
    ClipReportContent content = new ClipReportContent(request, PdfTexts.load(templates.pdf()));
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    switch (format) {
      case PDF -> new ClipPdfWriter(content).write(out);
      case DOCX -> new ClipDocxWriter(content).write(out);
    }
    return out.toByteArray();
  }

  /** A file name for a clip's report: {@code polyp-clip-report-20261124-231005.pdf}. */
  public static String clipFileName(ClipReportRequest request, ReportFormat format) {
    return "polyp-clip-report-" + FILE_STAMP.format(request.createdAt()) + "."
        + format.extension();
  }

  /** A file name for the report: {@code polyp-report-20261124-231005.pdf}. */
  public static String fileName(ReportRequest request, ReportFormat format) {
    return "polyp-report-" + FILE_STAMP.format(request.createdAt()) + "." + format.extension();
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
