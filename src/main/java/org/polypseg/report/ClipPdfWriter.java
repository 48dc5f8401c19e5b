package org.polypseg.report;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A clip's report as PDF (OpenPDF), in the image reports' fonts, accent colour and notice box:
 * the facts, the timeline chart, the table of detection stretches and each key frame with its
 * overlay.
 */
final class ClipPdfWriter {

  private static final float MARGIN = 50;
  private static final float TEXT_WIDTH = PdfReportWriter.TEXT_WIDTH;
  private static final Color INK = PdfReportWriter.INK;
  private static final Color MUTED = PdfReportWriter.MUTED;

  private final ClipReportContent content;
  private final Font title;
  private final Font heading;
  private final Font body;
  private final Font bold;
  private final Font small;
  private final Font head;
  private final Color accent;

  ClipPdfWriter(ClipReportContent content) {
    this.content = content;
    this.accent = PdfReportWriter.accent(content.texts());
    title = new Font(PdfReportWriter.Fonts.BOLD, 18, Font.NORMAL, accent);
    heading = new Font(PdfReportWriter.Fonts.BOLD, 13, Font.NORMAL, accent);
    body = new Font(PdfReportWriter.Fonts.REGULAR, 9.5f, Font.NORMAL, INK);
    bold = new Font(PdfReportWriter.Fonts.BOLD, 9.5f, Font.NORMAL, INK);
    small = new Font(PdfReportWriter.Fonts.REGULAR, 8, Font.NORMAL, MUTED);
    head = new Font(PdfReportWriter.Fonts.BOLD, 8.5f, Font.NORMAL, Color.WHITE);
  }

  void write(OutputStream out) {
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(ClipReportContent.TITLE);
      document.addCreator("polypseg");
      document.open();
      document.add(paragraph(ClipReportContent.TITLE, title, 10));
      PdfPTable facts = table(new float[] {1, 3});
      for (String[] row : content.facts()) {
        facts.addCell(cell(row[0], bold, null));
        facts.addCell(cell(row[1], body, null));
      }
      document.add(facts);

      document.add(paragraph(ClipReportContent.TIMELINE_HEADING, heading, 4));
      Picture chart = content.timeline();
      Image timeline = image(chart);
      timeline.scaleToFit(TEXT_WIDTH, (float) chart.heightFor(TEXT_WIDTH));
      document.add(timeline);
      document.add(paragraph(ClipReportContent.TIMELINE_CAPTION, small, 0));

      document.add(paragraph(ClipReportContent.STRETCHES_HEADING, heading, 4));
      List<List<String>> rows = content.stretchRows();
      if (rows.isEmpty()) {
        document.add(paragraph(ClipReportContent.NO_STRETCHES, body, 0));
      } else {
        PdfPTable stretches = table(new float[] {0.4f, 1, 1, 1, 1.6f, 1.2f});
        for (String column : ClipReportContent.STRETCH_COLUMNS) {
          stretches.addCell(cell(column, head, accent));
        }
        for (List<String> row : rows) {
          row.forEach(v -> stretches.addCell(cell(v, body, null)));
        }
        document.add(stretches);
      }

      boolean first = true;
      for (int number : content.pictured()) {
        PdfPTable pair = table(new float[] {1, 1});
        pair.setKeepTogether(true);
        if (first) {
          // The heading travels with the first pair, never alone at the foot of a page.
          PdfPCell title = new PdfPCell(paragraph(ClipReportContent.KEY_FRAMES_HEADING, heading, 4));
          title.setColspan(2);
          title.setBorder(Rectangle.NO_BORDER);
          title.setPadding(0);
          pair.addCell(title);
          first = false;
        }
        pair.addCell(picture(content.keyPhoto(number)));
        pair.addCell(picture(content.keyOverlay(number)));
        PdfPCell caption = cell(content.keyCaption(number), small, null);
        caption.setColspan(2);
        pair.addCell(caption);
        document.add(pair);
      }
      document.add(notice());
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("PDF layout failed: " + e.getMessage(), e);
    }
  }

  private PdfPTable notice() {
    PdfPTable box = table(new float[] {1});
    Phrase phrase = new Phrase();
    phrase.add(new org.openpdf.text.Chunk(content.intendedUseHeading() + "\n", bold));
    phrase.add(new org.openpdf.text.Chunk(content.intendedUse(), body));
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBackgroundColor(PdfReportWriter.NOTICE_FILL);
    cell.setBorder(Rectangle.LEFT);
    cell.setBorderColor(PdfReportWriter.NOTICE_EDGE);
    cell.setBorderWidth(2.5f);
    cell.setPadding(8);
    box.addCell(cell);
    box.setSpacingBefore(14);
    return box;
  }

  private static Paragraph paragraph(String text, Font font, float after) {
    Paragraph p = new Paragraph(text, font);
    p.setSpacingBefore(after > 0 ? 10 : 2);
    p.setSpacingAfter(after);
    return p;
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = PdfReportWriter.table(widths);
    table.setSpacingAfter(6);
    return table;
  }

  private static PdfPCell cell(String text, Font font, Color fill) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(PdfReportWriter.RULE);
    cell.setPadding(4);
    if (fill != null) {
      cell.setBackgroundColor(fill);
    }
    return cell;
  }

  private static PdfPCell picture(Picture picture) {
    Image image = image(picture);
    image.scaleToFit(TEXT_WIDTH / 2 - 6, 200);
    PdfPCell cell = new PdfPCell(image, false);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(3);
    return cell;
  }

  private static Image image(Picture picture) {
    return PdfReportWriter.image(picture);
  }
}
