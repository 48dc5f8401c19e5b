package org.polypseg.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
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
import org.openpdf.text.pdf.PdfName;
import org.polypseg.segment.OverlayRenderer;
import org.polypseg.segment.Region;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * Writes a report as PDF (OpenPDF): A4, a letterhead and page numbers on every page, the layout in
 * code and every word from the texts file through {@link ReportWording} (the Word report's
 * wording too). The PDF is tagged ({@link PdfTags}): its parts in reading order, the pictures with
 * alternative text, the page decoration as artifacts.
 */
final class PdfReportWriter {

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

  private final ReportTexts texts;
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

  PdfReportWriter(ReportTexts texts) {
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

  /** Language of the shipped texts; a translated texts file sets {@code pdf.language}. */
  private static final String DEFAULT_LANGUAGE = "en-GB";

  private ReportWording wording;
  private PdfTags tags;

  void write(ReportData data, ReportWording wording, OutputStream out) {
    this.wording = wording;
    Document document = new Document(PageSize.A4, MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      String heading = wording.title();
      String language = texts.setting("pdf.language");
      tags = new PdfTags(writer, language.isEmpty() ? DEFAULT_LANGUAGE : language, heading);
      writer.setPageEvent(new PageDecoration(data));
      document.addTitle(heading);
      document.addSubject(wording.caseLabel());
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
      notices(document);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("PDF layout failed: " + e.getMessage(), e);
    }
  }

  // ---- sections ---------------------------------------------------------------------------

  private void titleBlock(Document document, ReportData data, String heading) {
    Paragraph p = new Paragraph(heading, title);
    p.setSpacingAfter(4);
    tags.add(document, keep(p), PdfName.H1);
    // The case label has a row of its own, the width of the page: a long label wraps between
    // words instead of being broken inside one in a narrow column.
    PdfPTable strip = table(new float[] {2.7f, 1.1f, 1.5f});
    strip.addCell(stripCell(texts.get("label.created"), wording.created()));
    strip.addCell(stripCell(texts.get("label.images"), wording.imageCount()));
    strip.addCell(stripCell(texts.get("label.model"), data.model().name()));
    PdfPCell caseCell = stripCell(texts.get("label.case"), wording.caseLabel());
    caseCell.setColspan(3);
    caseCell.setBorder(Rectangle.BOTTOM);
    strip.addCell(caseCell);
    strip.setSpacingAfter(14);
    tags.add(document, strip, PdfName.TABLE);
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
    Paragraph note = new Paragraph(wording.summaryNote(), small);
    note.setSpacingBefore(4);
    tags.add(document, keep(heading(texts.get("heading.summary"), h1), table, note), PdfName.SECT);
    // Right under the table whose figures they are missing from.
    if (!data.failures().isEmpty()) {
      failures(document, data);
    }
    if (s.diceChart() != null) {
      tags.add(document, keep(chart(s.diceChart()), caption(texts.get("chart.dice"))),
          PdfName.FIGURE, texts.get("chart.dice"));
    }
    tags.add(document, keep(chart(s.areaChart()), caption(texts.get("chart.area"))),
        PdfName.FIGURE, texts.get("chart.area"));
  }

  /** The files of the batch that could not be analysed, with the reason for each. */
  private void failures(Document document, ReportData data) {
    PdfPTable table = table(new float[] {1.3f, 2.4f});
    table.setHeaderRows(1);
    table.addCell(headCell(texts.get("column.file"), Element.ALIGN_LEFT));
    table.addCell(headCell(texts.get("column.reason"), Element.ALIGN_LEFT));
    boolean zebra = false;
    for (ReportRequest.Failure f : data.failures()) {
      table.addCell(cell(f.name(), body, Element.ALIGN_LEFT, zebra));
      table.addCell(cell(f.reason(), body, Element.ALIGN_LEFT, zebra));
      zebra = !zebra;
    }
    Paragraph intro = new Paragraph(texts.get("failed.intro"), body);
    intro.setSpacingAfter(4);
    tags.add(document, keep(heading(texts.get("heading.failed"), h2), intro, table), PdfName.SECT);
  }

  private void image(Document document, ReportData data, ReportData.Entry e) {
    ThresholdAnalysis a = e.analysis();
    String heading = wording.imageHeading(e);

    PdfPTable pictures = table(new float[] {1, 1, 1});
    pictures.addCell(pictureCell(e.original(), wording.originalCaption(e)));
    pictures.addCell(pictureCell(e.overlay(), wording.overlayCaption(e)));
    pictures.addCell(pictureCell(e.heatMap(), texts.get("caption.heatmap")));
    Paragraph legend = new Paragraph();
    legend.add(swatch(OverlayRenderer.TINT));
    legend.add(new Chunk("  " + texts.get("legend.overlay"), small));
    if (e.hasTruth()) {
      legend.add(new Chunk("     ", small));
      legend.add(swatch(OverlayRenderer.TRUTH));
      legend.add(new Chunk("  " + texts.get("legend.truth"), small));
    }
    legend.setSpacingBefore(2);
    // The heading, the three pictures and their legend are one figure to a screen reader, told
    // by its alternative text.
    tags.add(document, keep(heading(heading, h1), pictures, legend), PdfName.FIGURE,
        wording.picturesAlt(e));

    PdfPTable findings = table(new float[] {1.1f, 2.6f});
    row(findings, texts.get("label.threshold"), wording.thresholdValue(e));
    row(findings, texts.get("label.area"), wording.areaValue(e));
    row(findings, texts.get("label.regions"), Integer.toString(a.regions().size()));
    row(findings, texts.get("label.dice"), wording.diceValue(e));
    row(findings, texts.get("label.iou"), wording.iouValue(e));
    row(findings, texts.get("label.inference"), wording.inferenceValue(e));
    tags.add(document, keep(heading(texts.get("heading.findings"), h2), findings), PdfName.SECT);

    if (a.regions().isEmpty()) {
      tags.add(document, keep(heading(texts.get("heading.regions"), h2),
          new Paragraph(texts.get("regions.none"), body)), PdfName.SECT);
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
        tags.add(document, keep(heading(texts.get("heading.regions"), h2), regions), PdfName.SECT);
      } else {
        // The heading stays with the table's first rows: both in one table, the heading as a
        // row that does not repeat.
        PdfPTable long_ = table(new float[] {1});
        long_.setSplitLate(false);
        PdfPCell head = new PdfPCell(heading(texts.get("heading.regions"), h2));
        head.setBorder(Rectangle.NO_BORDER);
        head.setPadding(0);
        long_.addCell(head);
        PdfPCell rows = new PdfPCell(regions);
        rows.setBorder(Rectangle.NO_BORDER);
        rows.setPadding(0);
        long_.addCell(rows);
        tags.add(document, long_, PdfName.SECT);
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
      row(t, texts.get("label.quantum"), wording.quantum(m));
      row(t, texts.get("label.inputSize"), wording.inputSize(m));
      t.setSpacingAfter(6);
      parts.add(t);
    }
    tags.add(document, keep(parts.toArray(Element[]::new)), PdfName.SECT);

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
        Paragraph protocol = new Paragraph(wording.protocol(metrics), small);
        protocol.setSpacingBefore(3);
        validated.add(protocol);
      }
      data.figuresForOtherWeights().ifPresent(sha -> validated.add(notice(
          wording.otherWeights(sha), null)));
    }
    tags.add(document, keep(validated.toArray(Element[]::new)), PdfName.SECT);
  }

  /** Burned-in patient data in the pictures, and the intended use. */
  private void notices(Document document) {
    PdfPTable privacy = notice(texts.get("privacy"), texts.get("heading.privacy"));
    privacy.setSpacingBefore(14);
    tags.add(document, privacy, PdfName.SECT);
    PdfPTable box = notice(texts.get("intendedUse"), texts.get("heading.intendedUse"));
    box.setSpacingBefore(8);
    tags.add(document, box, PdfName.SECT);
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
    image.scaleToFit(TEXT_WIDTH / 3 - 6, PICTURE_MAX_HEIGHT);
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

  static Color accent(ReportTexts texts) {
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

  private static BaseFont face(ReportTexts texts, String key, BaseFont fallback) {
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
    public void onStartPage(PdfWriter writer, Document document) {
      tags.pageStarted();
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      tags.pageEnding();
      PdfContentByte cb = writer.getDirectContent();
      PdfTags.artifact(cb, () -> decorate(writer, cb));
    }

    private void decorate(PdfWriter writer, PdfContentByte cb) {
      float top = PageSize.A4.getHeight() - 34;
      float left = MARGIN_X;
      float right = PageSize.A4.getWidth() - MARGIN_X;
      float y = top;
      boolean first = true;
      for (String line : wording.letterhead()) {
        Font font = first ? new Font(boldFace, 9.5f, Font.NORMAL, accent) : letter;
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(line, font), left, y, 0);
        y -= first ? 12 : 10;
        first = false;
      }
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
          new Phrase(wording.headerRight(), letterFirst), right, top, 0);
      // A long case label is shortened here, where it would run into the letterhead; the first
      // page prints it in full.
      String caseLine = fit(texts.get("label.case") + ": " + wording.caseLabel(), letter,
          (right - left) * 0.45f);
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(caseLine, letter), right,
          top - 12, 0);
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
      values.put("created", wording.created());
      footerText(writer, cb, texts.get("footer.left", values), left, Element.ALIGN_LEFT);
      footerText(writer, cb, texts.get("footer.right", values), right, Element.ALIGN_RIGHT);
    }

    private String fit(String text, Font font, float width) {
      BaseFont face = font.getBaseFont();
      if (face.getWidthPoint(text, font.getSize()) <= width) {
        return text;
      }
      String cut = text;
      while (cut.length() > 1 && face.getWidthPoint(cut + "\u2026", font.getSize()) > width) {
        cut = cut.substring(0, cut.length() - 1);
      }
      return cut.strip() + "\u2026";
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
