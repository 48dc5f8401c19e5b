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
import org.openpdf.text.Element;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPageEventHelper;

/**
 * A clip's report as PDF (OpenPDF), in the image reports' fonts, accent colour and notice box:
 * the facts, the timeline chart, the table of detection stretches and each key frame with its
 * overlay. Like the image reports it carries the clinic's letterhead on every page and is tagged
 * ({@link PdfTags}): every part is a one-cell table or a table, added as a structure element,
 * the pictures as figures with alternative text.
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

  private final ReportProperties.Clinic clinic;
  private PdfTags tags;

  ClipPdfWriter(ClipReportContent content, ReportProperties.Clinic clinic) {
    this.content = content;
    this.clinic = clinic == null ? ReportProperties.Clinic.NONE : clinic;
    this.accent = PdfReportWriter.accent(content.texts());
    title = new Font(PdfReportWriter.Fonts.BOLD, 18, Font.NORMAL, accent);
    heading = new Font(PdfReportWriter.Fonts.BOLD, 13, Font.NORMAL, accent);
    body = new Font(PdfReportWriter.Fonts.REGULAR, 9.5f, Font.NORMAL, INK);
    bold = new Font(PdfReportWriter.Fonts.BOLD, 9.5f, Font.NORMAL, INK);
    small = new Font(PdfReportWriter.Fonts.REGULAR, 8, Font.NORMAL, MUTED);
    head = new Font(PdfReportWriter.Fonts.BOLD, 8.5f, Font.NORMAL, Color.WHITE);
  }

  void write(OutputStream out) {
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, 74, 56);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(ClipReportContent.TITLE);
      document.addCreator("polypseg");
      String language = content.texts().setting("pdf.language");
      tags = new PdfTags(writer, language.isEmpty() ? "en-GB" : language, ClipReportContent.TITLE);
      writer.setPageEvent(new Letterhead());
      document.open();
      tags.add(document, part(paragraph(ClipReportContent.TITLE, title, 10)), PdfName.H1);
      PdfPTable facts = table(new float[] {1, 3});
      for (String[] row : content.facts()) {
        facts.addCell(cell(row[0], bold, null));
        facts.addCell(cell(row[1], body, null));
      }
      tags.add(document, facts, PdfName.TABLE);

      tags.add(document, part(paragraph(ClipReportContent.TIMELINE_HEADING, heading, 4)),
          PdfName.H2);
      Picture chart = content.timeline();
      Image timeline = image(chart);
      timeline.scaleToFit(TEXT_WIDTH, (float) chart.heightFor(TEXT_WIDTH));
      PdfPTable figure = table(new float[] {1});
      PdfPCell chartCell = new PdfPCell(timeline, false);
      chartCell.setBorder(Rectangle.NO_BORDER);
      figure.addCell(chartCell);
      figure.addCell(cell(ClipReportContent.TIMELINE_CAPTION, small, null));
      tags.add(document, figure, PdfName.FIGURE, ClipReportContent.TIMELINE_CAPTION);

      tags.add(document, part(paragraph(ClipReportContent.STRETCHES_HEADING, heading, 4)),
          PdfName.H2);
      List<List<String>> rows = content.stretchRows();
      if (rows.isEmpty()) {
        tags.add(document, part(paragraph(ClipReportContent.NO_STRETCHES, body, 0)), PdfName.P);
      } else {
        PdfPTable stretches = table(new float[] {0.4f, 1, 1, 1, 1.6f, 1.2f});
        stretches.setHeaderRows(1);
        for (String column : ClipReportContent.STRETCH_COLUMNS) {
          stretches.addCell(cell(column, head, accent));
        }
        for (List<String> row : rows) {
          row.forEach(v -> stretches.addCell(cell(v, body, null)));
        }
        tags.add(document, stretches, PdfName.TABLE);
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
        tags.add(document, pair, PdfName.FIGURE, content.keyCaption(number));
      }
      tags.add(document, notice(), PdfName.NOTE);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("PDF layout failed: " + e.getMessage(), e);
    }
  }

  /** A paragraph as a one-cell table: drawn where {@link PdfTags} marks content. */
  private static PdfPTable part(Paragraph paragraph) {
    PdfPTable table = PdfReportWriter.table(new float[] {1});
    PdfPCell cell = new PdfPCell();
    cell.addElement(paragraph);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    table.addCell(cell);
    return table;
  }

  /** The clinic's letterhead and a rule on every page, marked as page decoration. */
  private final class Letterhead extends PdfPageEventHelper {
    @Override
    public void onStartPage(PdfWriter writer, Document document) {
      tags.pageStarted();
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      tags.pageEnding();
      PdfContentByte cb = writer.getDirectContent();
      PdfTags.artifact(cb, () -> {
        float y = PageSize.A4.getHeight() - 34;
        boolean firstLine = true;
        for (String line : ReportWording.letterhead(content.texts(), clinic)) {
          Font font = firstLine ? new Font(PdfReportWriter.Fonts.BOLD, 9.5f, Font.NORMAL, accent)
              : small;
          ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(line, font), MARGIN, y, 0);
          y -= firstLine ? 12 : 10;
          firstLine = false;
        }
        cb.saveState();
        cb.setColorStroke(accent);
        cb.setLineWidth(0.8f);
        cb.moveTo(MARGIN, PageSize.A4.getHeight() - 62);
        cb.lineTo(PageSize.A4.getWidth() - MARGIN, PageSize.A4.getHeight() - 62);
        cb.stroke();
        cb.restoreState();
      });
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
