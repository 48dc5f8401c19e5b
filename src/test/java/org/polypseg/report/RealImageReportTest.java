package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.polypseg.report.ReportDocuments.docx;
import static org.polypseg.report.ReportDocuments.docxPictures;
import static org.polypseg.report.ReportDocuments.docxTable;
import static org.polypseg.report.ReportDocuments.pdfText;

import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;

/** Reports on real Kvasir-SEG test frames segmented by the shipped model (when the data is there). */
class RealImageReportTest {

  private static ReportRequest request;
  private final ReportService service = new ReportService(ReportTemplates.defaults(), Path.of("models"));

  @BeforeAll
  static void segment() throws Exception {
    assumeTrue(ReportFixtures.realDataPresent(), "../shared/datasets not present");
    request = ReportFixtures.realBatch(3);
  }

  @Test
  void theReportsGiveEachImagesFiguresAsTheAnalysisComputesThem() throws Exception {
    String pdf = pdfText(service.render(request, ReportFormat.PDF)).replaceAll("\\s+", " ");
    try (XWPFDocument doc = docx(service.render(request, ReportFormat.DOCX))) {
      String summary = docxTable(doc, "Mean \u00b1 sd").getText();
      for (ReportItem item : request.items()) {
        ThresholdAnalysis a =
            SegmentationService.analyze(item.segmentation(), item.threshold(), item.truth());
        String area = Numbers.pixels(a.areaPx()) + " px, " + Numbers.percent(a.areaFraction())
            + " % of the image";
        assertThat(pdf).contains(item.name(), area, Numbers.score(a.dice()),
            Numbers.score(a.iou()));
        assertThat(summary).contains(item.name() + "\t0.50\t" + Numbers.pixels(a.areaPx()) + "\t"
            + Numbers.percent(a.areaFraction()) + "\t" + a.regions().size() + "\t"
            + Numbers.score(a.dice()) + "\t" + Numbers.score(a.iou()));
      }
      // Original, overlay and heat map of each of the 3 images, and the batch's 2 charts.
      assertThat(docxPictures(doc)).isEqualTo(3 * 3 + 2);
    }
  }
}
