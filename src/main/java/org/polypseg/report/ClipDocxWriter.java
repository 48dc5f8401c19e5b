package org.polypseg.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A clip's report as Word (POI XWPF), with the same content as its PDF. Built in code rather than
 * from the image reports' template: that template's sections are about images, and a clip's
 * tables differ; the intended-use text still comes from the templates. Like the PDF, every page
 * carries the clinic's letterhead (in the page header).
 */
final class ClipDocxWriter {

  private static final String FONT = "Liberation Sans";

  private final ClipReportContent content;
  private final ReportProperties.Clinic clinic;
  private final String accent;

  ClipDocxWriter(ClipReportContent content, ReportProperties.Clinic clinic) {
    this.content = content;
    this.clinic = clinic == null ? ReportProperties.Clinic.NONE : clinic;
    java.awt.Color c = PdfReportWriter.accent(content.texts());
    this.accent = String.format("%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
  }

  void write(OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      letterhead(doc);
      text(doc, ClipReportContent.TITLE, 18, true, accent);
      table(doc, content.facts().stream().map(List::of).toList(), false);

      text(doc, ClipReportContent.TIMELINE_HEADING, 13, true, accent);
      picture(doc.createParagraph().createRun(), content.timeline(), DocxReportWriter.CHART_WIDTH_PT);
      text(doc, ClipReportContent.TIMELINE_CAPTION, 8, false, null);

      text(doc, ClipReportContent.STRETCHES_HEADING, 13, true, accent);
      List<List<String>> rows = content.stretchRows();
      if (rows.isEmpty()) {
        text(doc, ClipReportContent.NO_STRETCHES, 10, false, null);
      } else {
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(ClipReportContent.STRETCH_COLUMNS);
        all.addAll(rows);
        table(doc, all, true);
      }

      List<Integer> pictured = content.pictured();
      if (!pictured.isEmpty()) {
        text(doc, ClipReportContent.KEY_FRAMES_HEADING, 13, true, accent);
      }
      for (int number : pictured) {
        XWPFRun run = doc.createParagraph().createRun();
        picture(run, content.keyPhoto(number), DocxReportWriter.PHOTO_WIDTH_PT);
        run.addTab();
        picture(run, content.keyOverlay(number), DocxReportWriter.PHOTO_WIDTH_PT);
        text(doc, content.keyCaption(number), 8, false, null);
      }

      text(doc, content.intendedUseHeading(), 10, true, null);
      text(doc, content.intendedUse(), 10, false, null);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Word report could not be written", e);
    }
  }

  /** The letterhead's lines in the default page header: the first bold in the accent colour. */
  private void letterhead(XWPFDocument doc) {
    XWPFParagraph p = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
    p.setBorderBottom(Borders.SINGLE);
    List<String> lines = ReportWording.letterhead(content.texts(), clinic);
    for (int i = 0; i < lines.size(); i++) {
      XWPFRun run = p.createRun();
      run.setText(lines.get(i));
      run.setFontFamily(FONT);
      run.setFontSize(i == 0 ? 9.5 : 8);
      if (i == 0) {
        run.setBold(true);
        run.setColor(accent);
      }
      if (i < lines.size() - 1) {
        run.addBreak();
      }
    }
  }

  private static void text(XWPFDocument doc, String text, int size, boolean bold, String colour) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(bold && size > 10 ? 200 : 40);
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    if (colour != null) {
      run.setColor(colour);
    }
  }

  private void table(XWPFDocument doc, List<List<String>> rows, boolean headRow) {
    XWPFTable table = doc.createTable(rows.size(), rows.getFirst().size());
    table.setWidth("100%");
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      for (int c = 0; c < rows.get(r).size(); c++) {
        XWPFParagraph p = row.getCell(c).getParagraphs().getFirst();
        XWPFRun run = p.createRun();
        run.setText(rows.get(r).get(c));
        run.setFontFamily(FONT);
        run.setFontSize(9);
        boolean head = headRow ? r == 0 : c == 0;
        run.setBold(head);
        if (headRow && r == 0) {
          row.getCell(c).setColor(accent);
          run.setColor("FFFFFF");
        }
      }
    }
  }

  private static void picture(XWPFRun run, Picture picture, double widthPt) {
    try {
      run.addPicture(new ByteArrayInputStream(picture.bytes()),
          picture.png() ? PictureType.PNG : PictureType.JPEG, "picture",
          Units.toEMU(widthPt), Units.toEMU(picture.heightFor(widthPt)));
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException("could not embed a picture: " + e.getMessage(), e);
    }
  }
}
