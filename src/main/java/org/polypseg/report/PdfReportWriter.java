package org.polypseg.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.librepdf.openpdf.fonts.Liberation;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.polypseg.model.ModelMetrics;
import org.polypseg.model.ModelMetrics.TestSetFigures;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.OverlayRenderer;
import org.polypseg.segment.Region;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * Writes a report as PDF (OpenPDF): A4, a letterhead and page numbers on every page, the layout in
 * code and every word from the PDF texts template.
 */
final class PdfReportWriter {

  static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx",
      Locale.ROOT);

  private static final float MARGIN_X = 50;
  private static final float MARGIN_TOP = 86;
  private static final float MARGIN_BOTTOM = 62;
  static final float TEXT_WIDTH = PageSize.A4.getWidth() - 2 * MARGIN_X;
  private static final float PICTURE_MAX_HEIGHT = 250;

  static final Color INK = new Color(0x1B, 0x1F, 0x24);
  static final Color MUTED = new Color(0x5F, 0x6B, 0x76);
  static final Color RULE = new Color(0xC9, 0xD1, 0xD9);
  private static final Color LABEL_FILL = new Color(0xF3, 0xF5, 0xF8);
  private static final Color ZEBRA = new Color(0xF7, 0xF9, 0xFB);
  static final Color NOTICE_FILL = new Color(0xFF, 0xF4, 0xE0);
  static final Color NOTICE_EDGE = new Color(0xD9, 0x8A, 0x00);

  private final PdfTexts texts;
  private final Color accent;
  private final Font title;
  private final Font h1;
  private final Font h2;
  private final Font body;
  private final Font bodyBold;
  private final Font label;
  private final Font small;
  private final Font smallBold;
  private final Font mono;
  private final Font tableHead;
  private final BaseFont regularFace;
  private final BaseFont boldFace;

  PdfReportWriter(PdfTexts texts) {
    this.texts = texts;
    this.accent = accent(texts);
    this.regularFace = face(texts, "pdf.font", Fonts.REGULAR);
    this.boldFace = texts.setting("pdf.font.bold").isEmpty() && !texts.setting("pdf.font").isEmpty()
        ? regularFace : face(texts, "pdf.font.bold", Fonts.BOLD);
    title = new Font(boldFace, 20, Font.NORMAL, accent);
    h1 = new Font(boldFace, 13, Font.NORMAL, accent);
    h2 = new Font(boldFace, 10.5f, Font.NORMAL, INK);
    body = new Font(regularFace, 9.5f, Font.NORMAL, INK);
    bodyBold = new Font(boldFace, 9.5f, Font.NORMAL, INK);
    label = new Font(regularFace, 9, Font.NORMAL, MUTED);
    small = new Font(regularFace, 8, Font.NORMAL, MUTED);
    smallBold = new Font(boldFace, 8, Font.NORMAL, MUTED);
    mono = new Font(Fonts.MONO, 8, Font.NORMAL, INK);
    tableHead = new Font(boldFace, 8.5f, Font.NORMAL, Color.WHITE);
  }

  void write(ReportData data, OutputStream out) {
    Document document = new Document(PageSize.A4, MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PageDecoration(data));
      String heading = data.isBatch()
          ? texts.get("title.batch", Map.of("count", Integer.toString(data.entries().size())))
          : texts.get("title.single");
      document.addTitle(heading);
      document.addCreator("polypseg");
      document.open();
      titleBlock(document, data, heading);
      if (data.isBatch()) {
        summary(document, data);
      }
      for (ReportData.Entry entry : data.entries()) {
        if (data.isBatch()) {
          document.newPage();
        }
        image(document, data, entry);
      }
      model(document, data);
      intendedUse(document);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("PDF layout failed: " + e.getMessage(), e);
    }
  }

  // ---- sections ---------------------------------------------------------------------------

  private void titleBlock(Document document, ReportData data, String heading) {
    Paragraph p = new Paragraph(heading, title);
    p.setSpacingAfter(10);
    document.add(p);
    PdfPTable strip = table(new float[] {1.45f, 1.25f, 0.5f, 1.5f});
    ReportRequest request = data.request();
    strip.addCell(stripCell(texts.get("label.created"), CREATED.format(request.createdAt())));
    strip.addCell(stripCell(texts.get("label.case"),
        request.caseLabel() == null ? texts.get("label.case.none") : request.caseLabel()));
    strip.addCell(stripCell(texts.get("label.images"), Integer.toString(data.entries().size())));
    strip.addCell(stripCell(texts.get("label.model"), data.model().name()));
    strip.setSpacingAfter(14);
    document.add(strip);
  }

  private void summary(Document document, ReportData data) {
    ReportData.Summary s = data.summary();
    PdfPTable table = table(new float[] {0.35f, 2.5f, 0.85f, 1f, 0.85f, 0.8f, 0.8f, 0.8f});
    table.setHeaderRows(1);
    for (String key : List.of("column.number", "column.image", "column.threshold",
        "column.areaPx", "column.areaPercent", "column.regions", "column.dice", "column.iou")) {
      table.addCell(headCell(texts.get(key), key.equals("column.image")
          ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
    }
    for (ReportData.Entry e : data.entries()) {
      ThresholdAnalysis a = e.analysis();
      boolean zebra = e.number() % 2 == 0;
      table.addCell(cell(Integer.toString(e.number()), body, Element.ALIGN_RIGHT, zebra));
      table.addCell(cell(e.item().name(), body, Element.ALIGN_LEFT, zebra));
      table.addCell(cell(Numbers.threshold(e.item().threshold()), body, Element.ALIGN_RIGHT, zebra));
      table.addCell(cell(Numbers.pixels(a.areaPx()), body, Element.ALIGN_RIGHT, zebra));
      table.addCell(cell(Numbers.percent(a.areaFraction()), body, Element.ALIGN_RIGHT, zebra));
      table.addCell(cell(Integer.toString(a.regions().size()), body, Element.ALIGN_RIGHT, zebra));
      table.addCell(cell(Numbers.score(a.dice()), body, Element.ALIGN_RIGHT, zebra));
      table.addCell(cell(Numbers.score(a.iou()), body, Element.ALIGN_RIGHT, zebra));
    }
    PdfPCell mean = cell(texts.get("summary.mean"), bodyBold, Element.ALIGN_LEFT, false);
    mean.setColspan(3);
    // Mean above, "± sd" below: a column stays as narrow as its per-image numbers.
    for (PdfPCell c : List.of(mean,
        meanCell(Numbers.meanSd(s.areaPx(), Numbers::pixels)),
        meanCell(Numbers.meanSd(s.areaFraction(), Numbers::percent)),
        meanCell(Numbers.meanSd(s.regions(), v -> String.format(Locale.ROOT, "%.1f", v))),
        meanCell(Numbers.meanSd(s.dice(), Numbers::score)),
        meanCell(Numbers.meanSd(s.iou(), Numbers::score)))) {
      c.setBorder(Rectangle.TOP);
      c.setBorderColor(INK);
      c.setBorderWidth(0.8f);
      table.addCell(c);
    }
    Paragraph note = new Paragraph(texts.get("summary.note",
        Map.of("truthCount", Long.toString(data.truthCount()), "threshold", data.thresholds())),
        small);
    note.setSpacingBefore(4);
    document.add(keep(heading(texts.get("heading.summary"), h1), table, note));
    if (s.diceChart() != null) {
      document.add(keep(chart(s.diceChart()), caption(texts.get("chart.dice"))));
    }
    document.add(keep(chart(s.areaChart()), caption(texts.get("chart.area"))));
  }

  private void image(Document document, ReportData data, ReportData.Entry e) {
    ReportItem item = e.item();
    ThresholdAnalysis a = e.analysis();
    String threshold = Numbers.threshold(item.threshold());
    String heading = data.isBatch()
        ? texts.get("heading.image", Map.of("number", Integer.toString(e.number()),
            "count", Integer.toString(data.entries().size()), "name", item.name()))
        : texts.get("heading.image.single", Map.of("name", item.name()));

    PdfPTable pictures = table(new float[] {1, 1});
    pictures.addCell(pictureCell(e.original(), texts.get("caption.original", Map.of(
        "width", Integer.toString(item.image().getWidth()),
        "height", Integer.toString(item.image().getHeight())))));
    pictures.addCell(pictureCell(e.overlay(),
        texts.get("caption.overlay", Map.of("threshold", threshold))));
    Paragraph legend = new Paragraph();
    legend.add(swatch(OverlayRenderer.CONTOUR));
    legend.add(new Chunk("  " + texts.get("legend.overlay"), small));
    if (e.hasTruth()) {
      legend.add(new Chunk("     ", small));
      legend.add(swatch(OverlayRenderer.TRUTH));
      legend.add(new Chunk("  " + texts.get("legend.truth"), small));
    }
    legend.setSpacingBefore(2);
    document.add(keep(heading(heading, h1), pictures, legend));

    PdfPTable findings = table(new float[] {1.1f, 2.6f});
    row(findings, texts.get("label.threshold"),
        texts.get("label.threshold.value", Map.of("threshold", threshold)));
    row(findings, texts.get("label.area"), texts.get("label.area.value",
        Map.of("areaPx", Numbers.pixels(a.areaPx()), "areaPercent",
            Numbers.percent(a.areaFraction()))));
    row(findings, texts.get("label.regions"), Integer.toString(a.regions().size()));
    String none = texts.get("label.truth.none");
    row(findings, texts.get("label.dice"), a.dice() == null ? none : Numbers.score(a.dice()));
    row(findings, texts.get("label.iou"), a.iou() == null ? none : Numbers.score(a.iou()));
    row(findings, texts.get("label.inference"), texts.get("label.inference.value",
        Map.of("ms", Numbers.millis(item.segmentation().inferenceMs()))));
    document.add(keep(heading(texts.get("heading.findings"), h2), findings));

    if (a.regions().isEmpty()) {
      document.add(keep(heading(texts.get("heading.regions"), h2),
          new Paragraph(texts.get("regions.none"), body)));
    } else {
      PdfPTable regions = table(new float[] {0.35f, 2.2f, 1f, 1.1f});
      regions.setHeaderRows(1);
      regions.addCell(headCell(texts.get("column.number"), Element.ALIGN_RIGHT));
      regions.addCell(headCell(texts.get("column.bbox"), Element.ALIGN_LEFT));
      regions.addCell(headCell(texts.get("column.areaPx"), Element.ALIGN_RIGHT));
      regions.addCell(headCell(texts.get("column.meanProbability"), Element.ALIGN_RIGHT));
      int n = 1;
      for (Region r : a.regions()) {
        boolean zebra = n % 2 == 0;
        regions.addCell(cell(Integer.toString(n++), body, Element.ALIGN_RIGHT, zebra));
        regions.addCell(cell(bbox(r), body, Element.ALIGN_LEFT, zebra));
        regions.addCell(cell(Numbers.pixels(r.areaPx()), body, Element.ALIGN_RIGHT, zebra));
        regions.addCell(cell(Numbers.score(r.meanProbability()), body, Element.ALIGN_RIGHT, zebra));
      }
      // A long list may run over pages (its head repeats); a short one stays with its heading.
      if (a.regions().size() <= 25) {
        document.add(keep(heading(texts.get("heading.regions"), h2), regions));
      } else {
        document.add(heading(texts.get("heading.regions"), h2));
        document.add(regions);
      }
    }
  }

  private void model(Document document, ReportData data) {
    List<Element> parts = new ArrayList<>();
    parts.add(heading(texts.get("heading.model"), h1));
    for (ModelSummary m : data.models()) {
      PdfPTable t = table(new float[] {1.1f, 2.6f});
      row(t, texts.get("label.model.name"), m.name());
      PdfPCell hash = cell(m.sha256(), mono, Element.ALIGN_LEFT, false);
      row(t, texts.get("label.model.sha256"), hash);
      row(t, texts.get("label.quantum"), m.qubits() == 0 ? texts.get("label.quantum.none")
          : texts.get("label.quantum.value", Map.of("qubits", Integer.toString(m.qubits()),
              "layers", Integer.toString(m.layers()), "backend", m.backend())));
      row(t, texts.get("label.inputSize"),
          texts.get("label.inputSize.value", Map.of("size", Integer.toString(m.inputSize()))));
      t.setSpacingAfter(6);
      parts.add(t);
    }
    document.add(keep(parts.toArray(Element[]::new)));

    List<Element> validated = new ArrayList<>();
    validated.add(heading(texts.get("heading.validated"), h2));
    if (data.metrics().isEmpty()) {
      validated.add(new Paragraph(texts.get("validated.none"), body));
    } else {
      ModelMetrics metrics = data.metrics().get();
      Paragraph intro = new Paragraph(texts.get("validated.intro"), body);
      intro.setSpacingAfter(4);
      validated.add(intro);
      PdfPTable t = table(new float[] {2f, 0.8f, 0.8f, 0.8f, 0.8f});
      t.setHeaderRows(1);
      t.addCell(headCell(texts.get("column.testSet"), Element.ALIGN_LEFT));
      for (String key : List.of("column.testImages", "column.mDice", "column.mIoU",
          "column.maxDice")) {
        t.addCell(headCell(texts.get(key), Element.ALIGN_RIGHT));
      }
      boolean zebra = false;
      for (TestSetFigures f : metrics.testSets()) {
        t.addCell(cell(f.name(), body, Element.ALIGN_LEFT, zebra));
        t.addCell(cell(Integer.toString(f.images()), body, Element.ALIGN_RIGHT, zebra));
        t.addCell(cell(Numbers.score(f.mDice()), body, Element.ALIGN_RIGHT, zebra));
        t.addCell(cell(Numbers.score(f.mIoU()), body, Element.ALIGN_RIGHT, zebra));
        t.addCell(cell(Numbers.score(f.maxDice()), body, Element.ALIGN_RIGHT, zebra));
        zebra = !zebra;
      }
      validated.add(t);
      if (metrics.protocol() != null) {
        Paragraph protocol =
            new Paragraph(texts.get("validated.protocol", Map.of("protocol", metrics.protocol())),
                small);
        protocol.setSpacingBefore(3);
        validated.add(protocol);
      }
      data.figuresForOtherWeights().ifPresent(sha -> validated.add(notice(
          texts.get("validated.otherModel", Map.of("sha256", sha)), null)));
    }
    document.add(keep(validated.toArray(Element[]::new)));
  }

  private void intendedUse(Document document) {
    PdfPTable box = notice(texts.get("intendedUse"), texts.get("heading.intendedUse"));
    box.setSpacingBefore(14);
    document.add(box);
  }

  // ---- building blocks --------------------------------------------------------------------

  static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setTotalWidth(TEXT_WIDTH);
    table.setLockedWidth(true);
    table.setHorizontalAlignment(Element.ALIGN_LEFT);
    return table;
  }

  /** Elements that move to the next page together rather than split. */
  private static PdfPTable keep(Element... parts) {
    PdfPTable wrapper = table(new float[] {1});
    wrapper.setKeepTogether(true);
    wrapper.setSplitLate(false);
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    for (Element part : parts) {
      cell.addElement(part);
    }
    wrapper.addCell(cell);
    wrapper.setSpacingAfter(10);
    return wrapper;
  }

  private static Paragraph heading(String text, Font font) {
    Paragraph p = new Paragraph(text, font);
    p.setSpacingBefore(font.getSize() > 12 ? 6 : 8);
    p.setSpacingAfter(5);
    return p;
  }

  private PdfPCell stripCell(String name, String value) {
    Phrase phrase = new Phrase();
    phrase.add(new Chunk(name.toUpperCase(Locale.ROOT) + "\n", smallBold));
    phrase.add(new Chunk(value, body));
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.6f);
    cell.setBackgroundColor(LABEL_FILL);
    cell.setPaddingTop(5);
    cell.setPaddingBottom(7);
    cell.setPaddingLeft(6);
    cell.setLeading(0, 1.35f);
    return cell;
  }

  private PdfPCell headCell(String text, int align) {
    PdfPCell cell = new PdfPCell(new Phrase(text, tableHead));
    cell.setBackgroundColor(accent);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setHorizontalAlignment(align);
    cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
    cell.setPadding(4);
    cell.setPaddingBottom(5);
    return cell;
  }

  private static PdfPCell cell(String text, Font font, int align, boolean zebra) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(align);
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.5f);
    cell.setPadding(4);
    cell.setPaddingBottom(5);
    if (zebra) {
      cell.setBackgroundColor(ZEBRA);
    }
    return cell;
  }

  private PdfPCell meanCell(String meanSd) {
    return cell(meanSd.replace(" \u00b1 ", "\n\u00b1 "), bodyBold, Element.ALIGN_RIGHT, false);
  }

  private void row(PdfPTable table, String name, String value) {
    row(table, name, cell(value, body, Element.ALIGN_LEFT, false));
  }

  private void row(PdfPTable table, String name, PdfPCell value) {
    PdfPCell key = cell(name, label, Element.ALIGN_LEFT, false);
    key.setBackgroundColor(LABEL_FILL);
    table.addCell(key);
    table.addCell(value);
  }

  private PdfPCell pictureCell(Picture picture, String captionText) {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPaddingLeft(0);
    cell.setPaddingRight(6);
    Image image = image(picture);
    image.scaleToFit(TEXT_WIDTH / 2 - 6, PICTURE_MAX_HEIGHT);
    cell.addElement(image);
    cell.addElement(caption(captionText));
    return cell;
  }

  private static Image chart(Picture picture) {
    Image image = image(picture);
    image.scaleToFit(TEXT_WIDTH, (float) picture.heightFor(TEXT_WIDTH));
    return image;
  }

  private Paragraph caption(String text) {
    Paragraph p = new Paragraph(text, small);
    p.setSpacingBefore(2);
    return p;
  }

  private Chunk swatch(int rgb) {
    return new Chunk("\u2002\u2002", small).setBackground(new Color(rgb), 0, 1, 0, 1);
  }

  /** A shaded box with an accent edge: the intended use, and warnings about the figures. */
  private PdfPTable notice(String text, String headingText) {
    PdfPTable box = table(new float[] {1});
    box.setKeepTogether(true);
    Phrase phrase = new Phrase();
    if (headingText != null) {
      phrase.add(new Chunk(headingText + "\n", bodyBold));
    }
    phrase.add(new Chunk(text, body));
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBackgroundColor(NOTICE_FILL);
    cell.setBorder(Rectangle.LEFT);
    cell.setBorderColor(NOTICE_EDGE);
    cell.setBorderWidth(2.5f);
    cell.setPadding(8);
    cell.setPaddingLeft(10);
    cell.setLeading(0, 1.35f);
    box.addCell(cell);
    box.setSpacingBefore(6);
    return box;
  }

  static Image image(Picture picture) {
    try {
      return Image.getInstance(picture.bytes());
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("could not embed a picture: " + e.getMessage(), e);
    }
  }

  private static String bbox(Region r) {
    return r.x() + ", " + r.y() + ", " + r.width() + ", " + r.height();
  }

  static Color accent(PdfTexts texts) {
    String hex = texts.setting("pdf.accent");
    if (hex.isEmpty()) {
      return new Color(0x1F4E79);
    }
    try {
      return new Color(Integer.parseInt(hex.replace("#", ""), 16));
    } catch (NumberFormatException e) {
      throw new ReportTemplateException(texts.location() + ": pdf.accent '" + hex
          + "' is not an RGB hex colour such as 1F4E79");
    }
  }

  private static BaseFont face(PdfTexts texts, String key, BaseFont fallback) {
    String file = texts.setting(key);
    if (file.isEmpty()) {
      return fallback;
    }
    try {
      return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (IOException | RuntimeException e) {
      throw new ReportTemplateException(texts.location() + ": " + key + " names '" + file
          + "', which is not a readable TrueType font (" + e.getMessage() + ")", e);
    }
  }

  /** The embedded Liberation faces, loaded once (parsing a font file takes tens of ms). */
  static final class Fonts {
    static final BaseFont REGULAR = load(Liberation.SANS);
    static final BaseFont BOLD = load(Liberation.SANS_BOLD);
    static final BaseFont MONO = load(Liberation.MONO);

    private static BaseFont load(Liberation face) {
      try {
        return face.create().getBaseFont();
      } catch (IOException e) {
        throw new IllegalStateException("the embedded font " + face + " cannot be loaded", e);
      }
    }
  }

  /** Letterhead and rule on top of every page; footer texts and "page n of N" at the bottom. */
  private final class PageDecoration extends PdfPageEventHelper {
    private static final String TOTAL = "\u0001";
    private final ReportData data;
    private final List<PdfTemplate> totals = new ArrayList<>();
    private final Font letterFirst;
    private final Font letter;
    private final Font footer;

    PageDecoration(ReportData data) {
      this.data = data;
      this.letterFirst = new Font(boldFace, 9.5f, Font.NORMAL, INK);
      this.letter = new Font(regularFace, 8, Font.NORMAL, MUTED);
      this.footer = new Font(regularFace, 7.5f, Font.NORMAL, MUTED);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContent();
      float top = PageSize.A4.getHeight() - 34;
      float left = MARGIN_X;
      float right = PageSize.A4.getWidth() - MARGIN_X;
      float y = top;
      boolean first = true;
      for (String key : List.of("letterhead.1", "letterhead.2", "letterhead.3")) {
        String line = texts.setting(key);
        if (line.isEmpty()) {
          continue;
        }
        Font font = first ? new Font(boldFace, 9.5f, Font.NORMAL, accent) : letter;
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(line, font), left, y, 0);
        y -= first ? 12 : 10;
        first = false;
      }
      String caseLabel = data.request().caseLabel() == null
          ? texts.get("label.case.none") : data.request().caseLabel();
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
          new Phrase(texts.get("header.right", Map.of("case", caseLabel)), letterFirst), right,
          top, 0);
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
          new Phrase(texts.get("label.case") + ": " + caseLabel, letter), right, top - 12, 0);
      cb.saveState();
      cb.setColorStroke(accent);
      cb.setLineWidth(0.8f);
      cb.moveTo(left, PageSize.A4.getHeight() - 66);
      cb.lineTo(right, PageSize.A4.getHeight() - 66);
      cb.stroke();
      cb.setColorStroke(RULE);
      cb.setLineWidth(0.5f);
      cb.moveTo(left, 44);
      cb.lineTo(right, 44);
      cb.stroke();
      cb.restoreState();

      Map<String, String> values = new HashMap<>();
      values.put("page", Integer.toString(writer.getPageNumber()));
      values.put("pages", TOTAL);
      values.put("created", CREATED.format(data.request().createdAt()));
      footerText(writer, cb, texts.get("footer.left", values), left, Element.ALIGN_LEFT);
      footerText(writer, cb, texts.get("footer.right", values), right, Element.ALIGN_RIGHT);
    }

    /** Draws a footer text; a {pages} in it becomes a template filled in when the PDF closes. */
    private void footerText(PdfWriter writer, PdfContentByte cb, String text, float x, int align) {
      float y = 31;
      int cut = text.indexOf(TOTAL);
      if (cut < 0) {
        ColumnText.showTextAligned(cb, align, new Phrase(text, footer), x, y, 0);
        return;
      }
      String before = text.substring(0, cut);
      String after = text.substring(cut + 1).replace(TOTAL, "");
      float size = footer.getSize();
      // Room for the page count, known only when the document closes.
      int digits = Integer.toString(data.entries().size() * 3 + 10).length();
      float reserved = regularFace.getWidthPoint("0".repeat(digits), size);
      float total = regularFace.getWidthPoint(before, size) + reserved
          + regularFace.getWidthPoint(after, size);
      float start = align == Element.ALIGN_RIGHT ? x - total : x;
      ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(before, footer), start, y, 0);
      PdfTemplate template = cb.createTemplate(reserved, size * 1.5f);
      float templateX = start + regularFace.getWidthPoint(before, size);
      cb.addTemplate(template, templateX, y - size * 0.3f);
      totals.add(template);
      ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(after, footer),
          templateX + reserved, y, 0);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      // When the document closes, the writer already counts the page after the last one.
      String pages = Integer.toString(writer.getPageNumber() - 1);
      for (PdfTemplate template : totals) {
        ColumnText.showTextAligned(template, Element.ALIGN_LEFT, new Phrase(pages, footer), 0,
            footer.getSize() * 0.3f, 0);
      }
    }
  }
}
