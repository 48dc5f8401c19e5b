package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polypseg.report.ReportDocuments.docx;
import static org.polypseg.report.ReportDocuments.docxPictures;
import static org.polypseg.report.ReportDocuments.docxTable;
import static org.polypseg.report.ReportDocuments.docxText;
import static org.polypseg.report.ReportDocuments.pdfPages;
import static org.polypseg.report.ReportDocuments.pdfText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * Reports on synthetic images whose figures are known, opened again with real readers. The disk
 * of radius 50 at threshold 0.5 covers 7,845 px, plus a 10 x 10 square: 7,945 px, 2 regions.
 */
class ReportServiceTest {

  @TempDir Path dir;

  private final ReportService service = new ReportService(ReportTemplates.defaults(), null);

  private static ThresholdAnalysis analysis(ReportItem item) {
    return SegmentationService.analyze(item.segmentation(), item.threshold(), item.truth());
  }

  /** Text with every run of white space as one space: lines wrap where the layout decides. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void aOneImagePdfShowsEveryFigure() {
    ReportRequest request = ReportFixtures.single();
    ThresholdAnalysis a = analysis(request.items().getFirst());
    byte[] pdf = service.render(request, ReportFormat.PDF);

    List<String> pages = pdfPages(pdf);
    String text = String.join("\n", pages);
    assertThat(flat(text)).contains("Polyp segmentation report", "24 November 2026, 23:10 (UTC)",
        "study 12", "frame-001.png", "0.50", "7,945 px, 10.35 % of the image",
        "60, 70, 101, 101", "7,845", "250, 40, 10, 10", "0.900", "0.700", "42 ms",
        "polypseg-hybrid-unet", ReportFixtures.SHA,
        "4 qubits, 2 entangling layers, simulated exactly by Strange", "Not yet measured",
        "not a medical device", "Heat map", "burned-in patient data",
        "not counting any time it waited in the server's queue");
    assertThat(text).doesNotContain("simulated by strange", "Replace these lines");
    assertThat(a.areaPx()).isEqualTo(7945);
    assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.3f", a.dice()),
        String.format(java.util.Locale.ROOT, "%.3f", a.iou()));
    assertThat(text).doesNotContain("Batch summary");
    // The page count is drawn separately when the PDF closes; extractors may drop the space.
    assertThat(ReportDocuments.pdfTextWithDecoration(pdf)).containsPattern("Page 1 of ?" + pages.size());
  }

  @Test
  void aBatchPdfSummarisesTheImagesWithMeanAndSd() {
    byte[] pdf = service.render(ReportFixtures.batch(), ReportFormat.PDF);
    List<String> pages = pdfPages(pdf);
    // Summary and charts, then one page per image, then the model.
    assertThat(pages.size()).isGreaterThanOrEqualTo(4);
    assertThat(flat(pages.getFirst())).contains("Batch summary", "frame-001.png", "frame-002.png",
        "frame-003.png", "Mean", "Dice and IoU over the 2 image(s) with a ground-truth mask");
    assertThat(pdfText(pdf)).contains("Image 1 of 3: frame-001.png", "Image 3 of 3: frame-003.png",
        "no ground-truth mask given");
    // Area mean and sd of 7,945, 3,953 and 11,389 px: 7,762 ± 3,721.
    assertThat(pages.getFirst()).contains("7,762", "\u00b1 3,721");
  }

  @Test
  void aOneImageWordReportFillsTheFindingsTableAndPlacesBothPictures() throws Exception {
    ReportRequest request = ReportFixtures.single();
    ThresholdAnalysis a = analysis(request.items().getFirst());
    try (XWPFDocument doc = docx(service.render(request, ReportFormat.DOCX))) {
      String findings = docxTable(doc, "Polyp area").getText();
      assertThat(findings).contains("Threshold\t0.50", "Polyp area\t7,945 px, 10.35 % of the image",
          "Regions\t2", String.format(java.util.Locale.ROOT, "Dice with the ground truth\t%.3f",
              a.dice()), "Inference time\t42 ms: the model's own computation");
      assertThat(docxTable(doc, "Mean probability").getText())
          .contains("1\t60, 70, 101, 101\t7,845\t0.900", "2\t250, 40, 10, 10\t100\t0.700");
      // Original, overlay and heat map.
      assertThat(docxPictures(doc)).isEqualTo(3);
      String text = docxText(doc);
      assertThat(text).contains("Image: frame-001.png", ReportFixtures.SHA, "study 12",
          "Not yet measured", "not a medical device", "simulated exactly by Strange",
          "24 November 2026, 23:10 (UTC)", "burned-in patient data", "Heat map")
          .doesNotContain("{{", "Batch summary", "simulated by strange", "Replace these lines");
    }
  }

  @Test
  void aBatchWordReportHasTheSummaryTableAndTheCharts() throws Exception {
    try (XWPFDocument doc = docx(service.render(ReportFixtures.batch(), ReportFormat.DOCX))) {
      String summary = docxTable(doc, "Mean \u00b1 sd").getText();
      assertThat(summary).contains("1\tframe-001.png\t0.50\t7,945\t10.35\t2",
          "3\tframe-003.png\t0.50\t11,389\t14.83\t2\t\u2014\t\u2014", "7,762 \u00b1 3,721");
      // Three pictures per image, a Dice chart and an area chart.
      assertThat(docxPictures(doc)).isEqualTo(3 * 3 + 2);
      assertThat(docxText(doc)).contains("Image 2 of 3: frame-002.png").doesNotContain("{{");
    }
  }

  @Test
  void showsTheValidatedFiguresAndWarnsWhenTheyWereMeasuredOnOtherWeights() throws Exception {
    Files.writeString(dir.resolve("metrics.json"), """
        {"protocol": "PraNet eval/main.m, 256 thresholds",
         "testSets": {"Kvasir-SEG": {"images": 100, "mDice": 0.8612, "mIoU": 0.7901,
                                     "maxDice": 0.8702, "model": {"sha256": "%s"}},
                      "CVC-ClinicDB": {"images": 62, "mDice": 0.883, "mIoU": 0.821,
                                       "model": {"sha256": "feedface"}}}}
        """.formatted(ReportFixtures.SHA));
    ReportService withFigures = new ReportService(ReportTemplates.defaults(), dir);
    String pdf = pdfText(withFigures.render(ReportFixtures.single(), ReportFormat.PDF));
    assertThat(pdf).contains("Kvasir-SEG", "100", "0.861", "0.790", "0.870", "CVC-ClinicDB",
        "0.883", "PraNet eval/main.m, 256 thresholds", "Measured on other weights",
        "feedface").doesNotContain("Not yet measured");
    try (XWPFDocument doc = docx(withFigures.render(ReportFixtures.single(), ReportFormat.DOCX))) {
      assertThat(docxTable(doc, "mDice").getText())
          .contains("Kvasir-SEG\t100\t0.861\t0.790\t0.870", "CVC-ClinicDB\t62\t0.883\t0.821\t\u2014");
      assertThat(docxText(doc)).contains("Measured on other weights (SHA-256 feedface)");
    }
  }

  @Test
  void aBrokenMetricsFileIsNamed() throws Exception {
    Files.writeString(dir.resolve("metrics.json"), "not json");
    ReportService broken = new ReportService(ReportTemplates.defaults(), dir);
    assertThatThrownBy(() -> broken.render(ReportFixtures.single(), ReportFormat.PDF))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining(dir.resolve("metrics.json").toString());
  }

  @Test
  void aMissingTemplateIsNamed() {
    Path missing = dir.resolve("clinic.docx");
    ReportService s = new ReportService(new ReportTemplates(missing, dir.resolve("x.properties")),
        null);
    assertThatThrownBy(() -> s.render(ReportFixtures.single(), ReportFormat.DOCX))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessage(missing + ": report template not found");
    assertThatThrownBy(() -> s.verifyTemplate(ReportFormat.PDF))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessageContaining("x.properties: report template not found");
  }

  @Test
  void aBrokenWordTemplateIsNamed() throws Exception {
    Path broken = Files.writeString(dir.resolve("clinic.docx"), "this is not a zip");
    ReportService s = new ReportService(new ReportTemplates(broken, null), null);
    assertThatThrownBy(() -> s.verifyTemplate(ReportFormat.DOCX))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessageContaining(broken.toString()).hasMessageContaining("not a Word document");
  }

  @Test
  void aPdfTemplateWithAMissingKeyOrAnUnknownPlaceholderIsNamed() throws Exception {
    String original = Files.readString(Path.of("reports/templates/pdf-template.properties"));
    Path missingKey = Files.writeString(dir.resolve("missing.properties"),
        original.replaceAll("(?m)^heading\\.regions=.*$", ""));
    assertThatThrownBy(() -> new ReportService(new ReportTemplates(null, missingKey), null)
        .verifyTemplate(ReportFormat.PDF))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessage(missingKey + ": missing key 'heading.regions'");

    Path unknown = Files.writeString(dir.resolve("unknown.properties"),
        original.replace("title.batch=Polyp segmentation report: {count} images",
            "title.batch=Report on {patient}"));
    assertThatThrownBy(() -> new ReportService(new ReportTemplates(null, unknown), null)
        .verifyTemplate(ReportFormat.PDF))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessageContaining(unknown + ": key 'title.batch' uses {patient}")
        .hasMessageContaining("{count}");
  }

  @Test
  void anEditedPdfTemplateChangesTheReport() throws Exception {
    String original = Files.readString(Path.of("reports/templates/pdf-template.properties"));
    Path edited = Files.writeString(dir.resolve("clinic.properties"), original
        .replace("letterhead.1=polypseg", "letterhead.1=St Elsewhere Endoscopy Unit")
        .replace("title.single=Polyp segmentation report", "title.single=Polypen-Befund"));
    String text = ReportDocuments.pdfTextWithDecoration(
        new ReportService(new ReportTemplates(null, edited), null)
            .render(ReportFixtures.single(), ReportFormat.PDF));
    assertThat(text).contains("St Elsewhere Endoscopy Unit", "Polypen-Befund");
  }

  @Test
  void theShippedTemplatesPassTheirOwnCheck() {
    service.verifyTemplate(ReportFormat.PDF);
    service.verifyTemplate(ReportFormat.DOCX);
  }

  @Test
  void refusesAnUnacceptableCaseLabel() {
    assertThatThrownBy(() -> ReportRequest.checkCaseLabel("x".repeat(101)))
        .hasMessageContaining("longer than 100");
    assertThatThrownBy(() -> ReportRequest.checkCaseLabel("a\u0007b"))
        .hasMessageContaining("control characters");
    assertThat(ReportRequest.checkCaseLabel("  ")).isNull();
  }

  @Test
  void namesTheFileAfterTheCaseTheImageAndTheTime() {
    assertThat(ReportService.fileName(ReportFixtures.single(), ReportFormat.DOCX))
        .isEqualTo("polyp-report-study-12-frame-001-20261124-231000.docx");
    ReportItem item = ReportFixtures.single().items().getFirst();
    assertThat(ReportService.fileName(new ReportRequest(" Étude 7 / B?: ", List.of(item),
        ReportFixtures.CREATED), ReportFormat.PDF))
        .isEqualTo("polyp-report-Etude-7-B-frame-001-20261124-231000.pdf");
    assertThat(ReportService.fileName(new ReportRequest(null, List.of(item),
        ReportFixtures.CREATED), ReportFormat.PDF))
        .isEqualTo("polyp-report-frame-001-20261124-231000.pdf");
    assertThat(ReportService.fileName(ReportFixtures.batch(), ReportFormat.PDF))
        .isEqualTo("polyp-batch-report-study-12-3-images-20261124-231000.pdf");
  }
}
