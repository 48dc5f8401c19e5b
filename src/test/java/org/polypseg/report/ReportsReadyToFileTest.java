package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polypseg.report.ReportDocuments.docx;
import static org.polypseg.report.ReportDocuments.docxText;
import static org.polypseg.report.ReportDocuments.pdfText;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;

/**
 * What a clinician checks before filing a report: whose letterhead it carries, when it was made
 * and in which zone, what it says about files that failed, that the PDF is tagged, that Word keeps
 * each table with its heading, and that both formats say the same.
 */
class ReportsReadyToFileTest {

  private static final ReportProperties.Clinic CLINIC = new ReportProperties.Clinic(
      "St Elsewhere Endoscopy Unit", List.of("12 High Street", "Springfield"));

  private final ReportService plain = new ReportService(ReportTemplates.defaults(), null);
  private final ReportService clinic =
      new ReportService(ReportTemplates.defaults(), null, CLINIC);

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static String docxXml(byte[] docx) throws Exception {
    StringBuilder xml = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().endsWith(".xml")) {
          xml.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return xml.toString();
  }

  @Test
  void theConfiguredClinicHeadsEveryPageInBothFormats() throws Exception {
    String pdf = ReportDocuments.pdfTextWithDecoration(
        clinic.render(ReportFixtures.batch(), ReportFormat.PDF));
    assertThat(pdf).contains("St Elsewhere Endoscopy Unit", "12 High Street \u00b7 Springfield");
    try (XWPFDocument doc = docx(clinic.render(ReportFixtures.single(), ReportFormat.DOCX))) {
      assertThat(docxText(doc)).contains("St Elsewhere Endoscopy Unit",
          "12 High Street \u00b7 Springfield");
    }
  }

  @Test
  void aClipsReportCarriesTheLetterheadInBothFormats() throws Exception {
    ClipReportRequest clip = new ClipReportRequest("colonoscopy-12.mp4", 4.0, 100, 100, 1, 25,
        384, 288, 0.5, new double[] {0, 1, 2, 3}, new double[] {0, 0.01, 0.02, 0},
        List.of(new ClipReportRequest.StretchItem(1, 2.04, 50, 2, null, null)), ReportFixtures.MODEL,
        ReportFixtures.CREATED);
    assertThat(ReportDocuments.pdfTextWithDecoration(clinic.renderClip(clip, ReportFormat.PDF)))
        .contains("St Elsewhere Endoscopy Unit", "12 High Street \u00b7 Springfield");
    try (XWPFDocument doc = docx(clinic.renderClip(clip, ReportFormat.DOCX))) {
      assertThat(doc.getHeaderList()).isNotEmpty();
      assertThat(doc.getHeaderList().getFirst().getText())
          .contains("St Elsewhere Endoscopy Unit", "12 High Street \u00b7 Springfield");
      assertThat(docxText(doc)).contains("colonoscopy-12.mp4");
    }
    try (XWPFDocument doc = docx(plain.renderClip(clip, ReportFormat.DOCX))) {
      assertThat(doc.getHeaderList().getFirst().getText())
          .contains("polypseg", "Hybrid quantum-classical polyp segmentation");
    }
  }

  @Test
  void noPlaceholderTextAnywhereWhenNoClinicIsSet() throws Exception {
    String placeholder = "Replace these lines";
    assertThat(Files.readString(Path.of("reports/templates/pdf-template.properties")))
        .doesNotContain(placeholder);
    assertThat(docxXml(Files.readAllBytes(Path.of("reports/templates/report.docx"))))
        .doesNotContain(placeholder).doesNotContain("laboratory's name");
    for (ReportRequest request : List.of(ReportFixtures.single(), ReportFixtures.batch())) {
      assertThat(ReportDocuments.pdfTextWithDecoration(plain.render(request, ReportFormat.PDF)))
          .contains("polypseg", "Hybrid quantum-classical polyp segmentation")
          .doesNotContain(placeholder);
      String xml = docxXml(plain.render(request, ReportFormat.DOCX));
      assertThat(xml).doesNotContain(placeholder).doesNotContain("{{");
    }
  }

  @Test
  void theTimeIsTheReadersWithTheZoneNamed() throws Exception {
    ReportRequest berlin = new ReportRequest("study 12", ReportFixtures.single().items(),
        ZonedDateTime.of(2026, 12, 2, 9, 14, 0, 0, ZoneId.of("Europe/Berlin")));
    String expected = "2 December 2026, 09:14 (Europe/Berlin, UTC+01:00)";
    assertThat(flat(pdfText(plain.render(berlin, ReportFormat.PDF)))).contains(expected);
    try (XWPFDocument doc = docx(plain.render(berlin, ReportFormat.DOCX))) {
      assertThat(docxText(doc)).contains(expected);
    }
  }

  @Test
  void aFailedFileIsListedWithItsReasonInBothFormats() throws Exception {
    ReportRequest batch = new ReportRequest("study 12", ReportFixtures.batch().items(),
        ReportFixtures.CREATED, List.of(new ReportRequest.Failure("notes.png",
            "not an image: the file starts like text; supported: PNG, JPEG, TIFF, BMP")));
    String pdf = flat(pdfText(plain.render(batch, ReportFormat.PDF)));
    assertThat(pdf).contains("Files not analysed", "notes.png",
        "not an image: the file starts like text", "3 (1 not analysed)");
    try (XWPFDocument doc = docx(plain.render(batch, ReportFormat.DOCX))) {
      assertThat(ReportDocuments.docxTable(doc, "notes.png").getText())
          .contains("notes.png\tnot an image: the file starts like text");
      assertThat(docxText(doc)).contains("Files not analysed", "3 (1 not analysed)");
    }
    assertThat(ReportService.fileName(batch, ReportFormat.PDF)).contains("4-images");
  }

  @Test
  void thePdfIsTaggedWithLanguageTitleAndPictureDescriptions() throws Exception {
    PdfReader reader = new PdfReader(plain.render(ReportFixtures.batch(), ReportFormat.PDF));
    try {
      PdfDictionary catalog = reader.getCatalog();
      PdfDictionary markInfo = catalog.getAsDict(PdfName.MARKINFO);
      assertThat(markInfo).isNotNull();
      assertThat(markInfo.getAsBoolean(PdfName.MARKED).booleanValue()).isTrue();
      PdfDictionary tree = catalog.getAsDict(PdfName.STRUCTTREEROOT);
      assertThat(tree).isNotNull();
      assertThat(catalog.getAsString(PdfName.LANG).toString()).isEqualTo("en-GB");
      assertThat(reader.getInfo().get("Title")).isEqualTo("Polyp segmentation report: 3 images");
      PdfDictionary prefs = catalog.getAsDict(PdfName.VIEWERPREFERENCES);
      assertThat(prefs.getAsBoolean(PdfName.DISPLAYDOCTITLE).booleanValue()).isTrue();

      List<String> alts = new java.util.ArrayList<>();
      List<String> roles = new java.util.ArrayList<>();
      walk(tree, roles, alts);
      assertThat(roles).contains("/Document", "/H1", "/Table", "/Sect", "/Figure");
      assertThat(alts).anySatisfy(a -> assertThat(a).contains("Image 1 of 3: frame-001.png",
          "Overlay at threshold 0.50", "Heat map"));
      assertThat(alts).anySatisfy(a -> assertThat(a).startsWith("Dice per image"));
      // Every page's content is in the structure (a page's marked content points back to it).
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        assertThat(reader.getPageN(i).get(PdfName.STRUCTPARENTS)).isNotNull();
        String content = new String(reader.getPageContent(i), StandardCharsets.ISO_8859_1);
        assertThat(content).contains("/MCID", "/Artifact BMC");
      }
    } finally {
      reader.close();
    }
  }

  private static void walk(PdfDictionary element, List<String> roles, List<String> alts) {
    PdfName role = element.getAsName(PdfName.S);
    if (role != null) {
      roles.add(role.toString());
    }
    PdfString alt = element.getAsString(PdfName.ALT);
    if (alt != null) {
      alts.add(alt.toUnicodeString());
    }
    PdfObject kids = PdfReader.getPdfObject(element.get(PdfName.K));
    if (kids instanceof PdfDictionary kid) {
      walk(kid, roles, alts);
    } else if (kids instanceof PdfArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (PdfReader.getPdfObject(array.getPdfObject(i)) instanceof PdfDictionary kid) {
          walk(kid, roles, alts);
        }
      }
    }
  }

  @Test
  void wordKeepsEachTableOnOnePageWithItsHeading() throws Exception {
    try (XWPFDocument doc = docx(plain.render(ReportFixtures.single(), ReportFormat.DOCX))) {
      for (String inTable : List.of("Weights SHA-256", "Polyp area", "Mean probability")) {
        XWPFTable table = ReportDocuments.docxTable(doc, inTable);
        for (XWPFTableRow row : table.getRows()) {
          assertThat(row.isCantSplitRow()).as("row of the '%s' table can split", inTable).isTrue();
          for (XWPFTableCell cell : row.getTableCells()) {
            for (XWPFParagraph p : cell.getParagraphs()) {
              assertThat(keepsWithNext(doc, p)).as("'%s' keeps with the next", p.getText())
                  .isTrue();
            }
          }
        }
      }
      for (XWPFParagraph p : doc.getParagraphs()) {
        if (List.of("Model", "Findings", "Regions", "Validated test figures")
            .contains(p.getText())) {
          assertThat(keepsWithNext(doc, p)).as("heading '%s'", p.getText()).isTrue();
        }
      }
    }
  }

  /** keepNext on the paragraph or its style. */
  private static boolean keepsWithNext(XWPFDocument doc, XWPFParagraph p) {
    if (p.getCTP().getPPr() != null && p.getCTP().getPPr().getKeepNext() != null) {
      return true;
    }
    var style = p.getStyleID() == null ? null : doc.getStyles().getStyle(p.getStyleID());
    return style != null && style.getCTStyle().getPPr() != null
        && style.getCTStyle().getPPr().getKeepNext() != null;
  }

  @Test
  void theCaseLabelHasAFullWidthRowInBothFormats() throws Exception {
    String label = "study 12, frame set B, colonoscopy of the sigmoid, second review by the team";
    ReportRequest request = new ReportRequest(label, ReportFixtures.single().items(),
        ReportFixtures.CREATED);
    assertThat(flat(pdfText(plain.render(request, ReportFormat.PDF)))).contains(label);
    try (XWPFDocument doc = docx(plain.render(request, ReportFormat.DOCX))) {
      XWPFTable strip = ReportDocuments.docxTable(doc, label);
      XWPFTableCell cell = strip.getRows().get(1).getCell(0);
      assertThat(cell.getText()).contains(label);
      assertThat(cell.getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(3);
    }
  }

  @Test
  void bothFormatsSayTheSame() throws Exception {
    ReportRequest batch = ReportFixtures.batch();
    String pdf = flat(pdfText(plain.render(batch, ReportFormat.PDF)));
    String word;
    try (XWPFDocument doc = docx(plain.render(batch, ReportFormat.DOCX))) {
      word = flat(docxText(doc));
    }
    ReportTexts texts = ReportTexts.load(ReportTemplates.defaults().pdf());
    for (String key : List.of("heading.summary", "chart.dice", "chart.area", "legend.overlay",
        "legend.truth", "caption.heatmap", "heading.findings", "label.dice",
        "label.truth.none", "heading.model", "label.quantum", "validated.none", "privacy",
        "intendedUse")) {
      String sentence = flat(texts.get(key));
      assertThat(pdf).as("PDF: %s", key).contains(sentence);
      assertThat(word).as("Word: %s", key).contains(sentence);
    }
    for (String filled : List.of("Image 2 of 3: frame-002.png", "Overlay at threshold 0.50",
        "7,945 px, 10.35 % of the image", "simulated exactly by Strange",
        "Dice and IoU over the 2 image(s) with a ground-truth mask")) {
      assertThat(pdf).contains(filled);
      assertThat(word).contains(filled);
    }
  }
}
