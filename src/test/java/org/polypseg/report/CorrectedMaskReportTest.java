package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.polypseg.segment.MaskEdits;
import org.polypseg.segment.SegmentationImages;
import org.junit.jupiter.api.Test;

/** A mask corrected by hand on the page: both formats say so and show the corrected figures. */
class CorrectedMaskReportTest {

  private final ReportService service = new ReportService(ReportTemplates.defaults(), null);

  @Test
  void bothFormatsSayTheMaskWasCorrectedAndUseItsArea() {
    ReportItem predicted = ReportFixtures.item("frame-001.png", 110, 120, 50, true);
    // The user erases the whole prediction but for a 10 x 10 square.
    boolean[] mask = SegmentationImages.mask(predicted.segmentation(), 0.5);
    boolean[] corrected = new boolean[mask.length];
    int w = predicted.image().getWidth();
    for (int y = 115; y < 125; y++) {
      for (int x = 105; x < 115; x++) {
        corrected[y * w + x] = true;
      }
    }
    MaskEdits edits = MaskEdits.between(mask, corrected, w, predicted.image().getHeight());
    ReportItem item = new ReportItem(predicted.name(), predicted.image(), predicted.segmentation(),
        0.5, predicted.truth(), null, edits);
    ReportRequest request = new ReportRequest("study 12", List.of(item), ReportFixtures.CREATED);

    String pdf = ReportDocuments.pdfText(service.render(request, ReportFormat.PDF));
    String docx = ReportDocuments.docxText(
        ReportDocuments.docx(service.render(request, ReportFormat.DOCX)));
    for (String text : List.of(pdf.replaceAll("\\s+", " "), docx.replaceAll("\\s+", " "))) {
      assertThat(text).contains("mask corrected by hand");
      assertThat(text).contains("100 px");
    }
    String plain = ReportDocuments.pdfText(service.render(
        new ReportRequest("study 12", List.of(predicted), ReportFixtures.CREATED),
        ReportFormat.PDF));
    assertThat(plain).doesNotContain("corrected by hand");
  }
}
