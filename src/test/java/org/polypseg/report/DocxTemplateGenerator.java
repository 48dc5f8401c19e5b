package org.polypseg.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the default Word template, {@code reports/templates/report.docx}, from WordprocessingML
 * written out here. Run once by a developer; the committed .docx is what the program reads, and a
 * clinic edits that file in Word (letterhead, wording, disclaimer, styles), not this class.
 *
 * <pre>{@code
 * ./mvnw -q test-compile && java -cp target/test-classes:target/classes \
 *     org.polypseg.report.DocxTemplateGenerator reports/templates/report.docx
 * }</pre>
 */
public final class DocxTemplateGenerator {

  private static final String ACCENT = "1F4E79";
  private static final String MUTED = "5F6B76";
  private static final String RULE = "C9D1D9";
  private static final String LABEL_FILL = "F3F5F8";

  /** A4 text width in twips with 2.25 cm margins (16.5 cm). */
  private static final int TEXT = 9354;

  private DocxTemplateGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "reports/templates/report.docx");
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", CONTENT_TYPES);
    parts.put("_rels/.rels", ROOT_RELS);
    parts.put("docProps/core.xml", CORE);
    parts.put("word/_rels/document.xml.rels", DOCUMENT_RELS);
    parts.put("word/document.xml", document());
    parts.put("word/styles.xml", STYLES);
    parts.put("word/settings.xml", SETTINGS);
    parts.put("word/header1.xml", header());
    parts.put("word/footer1.xml", footer());
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        ZipEntry entry = new ZipEntry(part.getKey());
        // A fixed time keeps the file byte-identical when nothing changed.
        entry.setLastModifiedTime(FileTime.fromMillis(1_767_225_600_000L));
        zip.putNextEntry(entry);
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    System.out.println("wrote " + out);
  }

  // ---- the body ---------------------------------------------------------------------------

  private static String document() {
    // Every word comes from the texts file ({{text.KEY}}, or a filled text named after what it
    // says), so that the Word and the PDF report say the same; a clinic may still type its own.
    StringBuilder b = new StringBuilder();
    b.append(p("Title", run("{{title}}")));
    b.append(infoStrip());

    b.append(marker("#batch"));
    b.append(p("Heading1", run(tx("heading.summary"))));
    int[] cols = {450, 3150, 1100, 1100, 950, 900, 852, 852};
    b.append(table(cols, true,
        headRow(cols, Set.of("column.image"), "column.number", "column.image",
            "column.threshold", "column.areaPx", "column.areaPercent", "column.regions",
            "column.dice", "column.iou"),
        tr(false,
            tc(cols[0], null, p("TableNumber", run("{{batch.row.number}}"))),
            tc(cols[1], null, p("TableText", run("{{batch.row.name}}"))),
            tc(cols[2], null, p("TableNumber", run("{{batch.row.threshold}}"))),
            tc(cols[3], null, p("TableNumber", run("{{batch.row.areaPx}}"))),
            tc(cols[4], null, p("TableNumber", run("{{batch.row.areaPercent}}"))),
            tc(cols[5], null, p("TableNumber", run("{{batch.row.regions}}"))),
            tc(cols[6], null, p("TableNumber", run("{{batch.row.dice}}"))),
            tc(cols[7], null, p("TableNumber", run("{{batch.row.iou}}")))),
        tr(false,
            tcSpan(cols[0] + cols[1] + cols[2], 3, null,
                p("TableText", bold(tx("summary.mean")))),
            tc(cols[3], null, p("TableNumber", bold("{{batch.mean.areaPx}}"))),
            tc(cols[4], null, p("TableNumber", bold("{{batch.mean.areaPercent}}"))),
            tc(cols[5], null, p("TableNumber", bold("{{batch.mean.regions}}"))),
            tc(cols[6], null, p("TableNumber", bold("{{batch.mean.dice}}"))),
            tc(cols[7], null, p("TableNumber", bold("{{batch.mean.iou}}"))))));
    b.append(p("Small", run("{{batch.note}}")));
    // Right under the table whose figures they are missing from, as in the PDF.
    b.append(marker("#batch.failed"));
    b.append(p("Heading2", run(tx("heading.failed"))));
    b.append(p("Lead", run(tx("failed.intro"))));
    int[] fcols = {3600, TEXT - 3600};
    b.append(table(fcols, true,
        headRow(fcols, Set.of("column.file", "column.reason"), "column.file", "column.reason"),
        tr(false,
            tc(fcols[0], null, p("TableText", run("{{batch.failed.row.name}}"))),
            tc(fcols[1], null, p("TableText", run("{{batch.failed.row.reason}}"))))));
    b.append(marker("/batch.failed"));
    b.append(marker("#batch.dice"));
    b.append(p("Chart", run("{{batch.dice.chart}}")));
    b.append(p("Caption", run(tx("chart.dice"))));
    b.append(marker("/batch.dice"));
    b.append(p("Chart", run("{{batch.areaChart}}")));
    b.append(p("Caption", run(tx("chart.area"))));
    b.append(marker("/batch"));

    b.append(marker("#image"));
    // In a batch each image starts a page; a one-image report needs none.
    b.append(marker("#image.newPage"));
    b.append("<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"0\""
        + " w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
    b.append(marker("/image.newPage"));
    b.append(p("Heading1", run("{{image.heading}}")));
    int third = TEXT / 3;
    b.append(table(new int[] {third, third, TEXT - 2 * third}, false,
        tr(false,
            tc(third, null, p("Picture", run("{{image.original}}")),
                p("PictureCaption", run("{{image.originalCaption}}"))),
            tc(third, null, p("Picture", run("{{image.overlay}}")),
                p("PictureCaption", run("{{image.overlayCaption}}"))),
            tc(TEXT - 2 * third, null, p("Picture", run("{{image.heatMap}}")),
                p("PictureCaption", run(tx("caption.heatmap")))))));
    b.append(p("Small", swatch("0072B2"), run(" " + tx("legend.overlay"))));
    b.append(marker("#image.truth"));
    b.append(p("Small", swatch("F0E442"), run(" " + tx("legend.truth"))));
    b.append(marker("/image.truth"));

    b.append(p("Heading2", run(tx("heading.findings"))));
    int[] kv = {2600, TEXT - 2600};
    b.append(table(kv, true,
        kvRow(kv, tx("label.threshold"), run("{{image.thresholdText}}")),
        kvRow(kv, tx("label.area"), run("{{image.areaText}}")),
        kvRow(kv, tx("label.regions"), run("{{image.regionCount}}")),
        kvRow(kv, tx("label.dice"), run("{{image.diceText}}")),
        kvRow(kv, tx("label.iou"), run("{{image.iouText}}")),
        kvRow(kv, tx("label.inference"), run("{{image.inferenceText}}"))));

    b.append(p("Heading2", run(tx("heading.regions"))));
    b.append(marker("#image.hasRegions"));
    int[] rc = {600, 4354, 2000, 2400};
    b.append(table(rc, true,
        headRow(rc, Set.of("column.bbox"), "column.number", "column.bbox", "column.areaPx",
            "column.meanProbability"),
        tr(false,
            tc(rc[0], null, p("TableNumber", run("{{image.region.number}}"))),
            tc(rc[1], null, p("TableText", run("{{image.region.bbox}}"))),
            tc(rc[2], null, p("TableNumber", run("{{image.region.areaPx}}"))),
            tc(rc[3], null, p("TableNumber", run("{{image.region.meanProbability}}"))))));
    b.append(marker("/image.hasRegions"));
    b.append(marker("#image.noRegion"));
    b.append(p(null, run(tx("regions.none"))));
    b.append(marker("/image.noRegion"));
    b.append(marker("/image"));

    b.append(p("Heading1", run(tx("heading.model"))));
    b.append(marker("#model"));
    b.append(table(kv, true,
        kvRow(kv, tx("label.model.name"), run("{{model.name}}")),
        kvRow(kv, tx("label.model.sha256"), "<w:r><w:rPr><w:rStyle w:val=\"Hash\"/></w:rPr>"
            + t("{{model.sha256}}") + "</w:r>"),
        kvRow(kv, tx("label.quantum"), run("{{model.quantumText}}")),
        kvRow(kv, tx("label.inputSize"), run("{{model.inputSizeText}}"))));
    b.append(p("Small", run("")));
    b.append(marker("/model"));

    b.append(p("Heading2", run(tx("heading.validated"))));
    b.append(marker("#figures"));
    b.append(p("Lead", run(tx("validated.intro"))));
    int[] fc = {3354, 1500, 1500, 1500, 1500};
    b.append(table(fc, true,
        headRow(fc, Set.of("column.testSet"), "column.testSet", "column.testImages",
            "column.mDice", "column.mIoU", "column.maxDice"),
        tr(false,
            tc(fc[0], null, p("TableText", run("{{figures.row.testSet}}"))),
            tc(fc[1], null, p("TableNumber", run("{{figures.row.images}}"))),
            tc(fc[2], null, p("TableNumber", run("{{figures.row.mDice}}"))),
            tc(fc[3], null, p("TableNumber", run("{{figures.row.mIoU}}"))),
            tc(fc[4], null, p("TableNumber", run("{{figures.row.maxDice}}"))))));
    b.append(marker("#figures.protocol"));
    b.append(p("Small", run("{{figures.protocol.sentence}}")));
    b.append(marker("/figures.protocol"));
    b.append(marker("#figures.otherWeights"));
    b.append(p("Notice", run("{{figures.otherWeights.sentence}}")));
    b.append(marker("/figures.otherWeights"));
    b.append(marker("/figures"));
    b.append(marker("#noFigures"));
    b.append(p(null, run(tx("validated.none"))));
    b.append(marker("/noFigures"));

    b.append(p("NoticeHeading", run(tx("heading.privacy"))));
    b.append(p("Notice", run(tx("privacy"))));
    b.append(p("NoticeHeading", run(tx("heading.intendedUse"))));
    b.append(p("Notice", run(tx("intendedUse"))));

    String sectPr = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
        + "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"1814\" w:right=\"1276\" w:bottom=\"1304\" w:left=\"1276\""
        + " w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
    return XML + "<w:document " + NAMESPACES + "><w:body>" + b + sectPr + "</w:body></w:document>";
  }

  /** Created, images and model in a row; the case label in a row of its own, the full width. */
  private static String infoStrip() {
    int[] cols = {3900, 2000, TEXT - 5900};
    String[] names = {"label.created", "label.images", "label.model"};
    String[] values = {"{{created}}", "{{imageCount}}", "{{modelName}}"};
    StringBuilder cells = new StringBuilder();
    for (int i = 0; i < cols.length; i++) {
      cells.append(tc(cols[i], LABEL_FILL, p("StripLabel", upper(tx(names[i]))),
          p("StripValue", run(values[i]))));
    }
    String caseRow = "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + tcSpan(TEXT, 3, LABEL_FILL,
        p("StripLabel", upper(tx("label.case"))), p("StripValue", run("{{case}}"))) + "</w:tr>";
    String tblPr = "<w:tblPr><w:tblW w:w=\"" + TEXT + "\" w:type=\"dxa\"/>"
        + "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE
        + "\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE + "\"/>"
        + "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE + "\"/>"
        + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>" + cellMargins(100, 110) + "</w:tblPr>";
    return "<w:tbl>" + tblPr + grid(cols) + "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cells
        + "</w:tr>" + caseRow + "</w:tbl>" + p("Spacer", run(""));
  }

  /** A text placeholder: the texts file's {@code key}. */
  private static String tx(String key) {
    return "{{text." + key + "}}";
  }

  /** A run in capitals (Word's "all caps"), as the PDF's strip labels. */
  private static String upper(String text) {
    return "<w:r><w:rPr><w:caps/></w:rPr>" + t(text) + "</w:r>";
  }

  // ---- building blocks --------------------------------------------------------------------

  private static String marker(String name) {
    return p("Marker", run("{{" + name + "}}"));
  }

  private static String p(String style, String... runs) {
    String pPr = style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
    return "<w:p>" + pPr + String.join("", runs) + "</w:p>";
  }

  private static String run(String text) {
    return "<w:r>" + t(text) + "</w:r>";
  }

  private static String bold(String text) {
    return "<w:r><w:rPr><w:b/></w:rPr>" + t(text) + "</w:r>";
  }

  private static String swatch(String fill) {
    return "<w:r><w:rPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + fill + "\"/></w:rPr>"
        + t("\u2002\u2002") + "</w:r>";
  }

  private static String t(String text) {
    return "<w:t xml:space=\"preserve\">" + text.replace("&", "&amp;").replace("<", "&lt;")
        + "</w:t>";
  }

  private static String table(int[] cols, boolean ruled, String... rows) {
    String borders = ruled
        ? "<w:tblBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE
            + "\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE
            + "\"/></w:tblBorders>"
        : "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
            + "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>"
            + "</w:tblBorders>";
    String tblPr = "<w:tblPr><w:tblW w:w=\"" + TEXT + "\" w:type=\"dxa\"/>" + borders
        + "<w:tblLayout w:type=\"fixed\"/>" + (ruled ? cellMargins(70, 90) : cellMargins(0, 0))
        + "</w:tblPr>";
    return "<w:tbl>" + tblPr + grid(cols) + String.join("", rows) + "</w:tbl>"
        + p("Spacer", run(""));
  }

  private static String cellMargins(int vertical, int horizontal) {
    return "<w:tblCellMar><w:top w:w=\"" + vertical + "\" w:type=\"dxa\"/><w:left w:w=\""
        + horizontal + "\" w:type=\"dxa\"/><w:bottom w:w=\"" + vertical + "\" w:type=\"dxa\"/>"
        + "<w:right w:w=\"" + horizontal + "\" w:type=\"dxa\"/></w:tblCellMar>";
  }

  private static String grid(int[] cols) {
    StringBuilder g = new StringBuilder("<w:tblGrid>");
    for (int c : cols) {
      g.append("<w:gridCol w:w=\"").append(c).append("\"/>");
    }
    return g.append("</w:tblGrid>").toString();
  }

  private static String tr(boolean header, String... cells) {
    String trPr = header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        : "<w:trPr><w:cantSplit/></w:trPr>";
    return "<w:tr>" + trPr + String.join("", cells) + "</w:tr>";
  }

  private static String headRow(int[] cols, Set<String> leftAligned, String... keys) {
    String[] cells = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      cells[i] = tc(cols[i], ACCENT, p(leftAligned.contains(keys[i]) ? "TableHead"
          : "TableHeadNumber", run(tx(keys[i]))));
    }
    return tr(true, cells);
  }

  private static String kvRow(int[] cols, String name, String valueRuns) {
    return tr(false, tc(cols[0], LABEL_FILL, p("TableLabel", run(name))),
        tc(cols[1], null, p("TableText", valueRuns)));
  }

  private static String tc(int width, String fill, String... paragraphs) {
    return tcSpan(width, 1, fill, paragraphs);
  }

  private static String tcSpan(int width, int span, String fill, String... paragraphs) {
    String shd = fill == null ? ""
        : "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + fill + "\"/>";
    String gridSpan = span > 1 ? "<w:gridSpan w:val=\"" + span + "\"/>" : "";
    return "<w:tc><w:tcPr><w:tcW w:w=\"" + width + "\" w:type=\"dxa\"/>" + gridSpan + shd
        + "</w:tcPr>" + String.join("", paragraphs) + "</w:tc>";
  }

  // ---- header and footer ------------------------------------------------------------------

  /** The letterhead: the clinic's name and address (or the program's name), title and case. */
  private static String header() {
    String tab = "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + TEXT + "\"/></w:tabs>";
    String first = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/>" + tab + "</w:pPr>"
        + "<w:r><w:rPr><w:b/><w:color w:val=\"" + ACCENT + "\"/><w:sz w:val=\"19\"/></w:rPr>"
        + t("{{letterhead.name}}") + "</w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:b/>"
        + "<w:sz w:val=\"19\"/></w:rPr>" + t("{{headerRight}}") + "</w:r></w:p>";
    String second = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:pBdr><w:bottom"
        + " w:val=\"single\" w:sz=\"8\" w:space=\"6\" w:color=\"" + ACCENT + "\"/></w:pBdr>"
        + tab + "</w:pPr>" + run("{{letterhead.address}}") + "<w:r><w:tab/></w:r>"
        + run(tx("label.case") + ": {{case}}") + "</w:p>";
    return XML + "<w:hdr " + NAMESPACES + ">" + first + second + "</w:hdr>";
  }

  private static String footer() {
    String tab = "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + TEXT + "\"/></w:tabs>";
    return XML + "<w:ftr " + NAMESPACES + "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
        + "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"6\" w:color=\"" + RULE + "\"/>"
        + "</w:pBdr>" + tab + "</w:pPr>"
        + run(tx("footer.left"))
        + "<w:r><w:tab/></w:r>" + run("Page ")
        + "<w:fldSimple w:instr=\" PAGE \">" + run("1") + "</w:fldSimple>" + run(" of ")
        + "<w:fldSimple w:instr=\" NUMPAGES \">" + run("1") + "</w:fldSimple>"
        + "</w:p></w:ftr>";
  }

  // ---- fixed parts ------------------------------------------------------------------------

  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

  private static final String NAMESPACES =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

  private static final String CONTENT_TYPES = XML
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
      + "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      + "</Types>";

  private static final String ROOT_RELS = XML
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      + "</Relationships>";

  private static final String CORE = XML
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
      + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      + "<dc:title>Polyp segmentation report</dc:title><dc:creator>polypseg</dc:creator>"
      + "</cp:coreProperties>";

  private static final String DOCUMENT_RELS = XML
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
      + "<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
      + "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
      + "</Relationships>";

  private static final String SETTINGS = XML
      + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:defaultTabStop w:val=\"720\"/><w:updateFields w:val=\"false\"/>"
      + "<w:compat><w:compatSetting w:name=\"compatibilityMode\""
      + " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
      + "</w:settings>";

  private static String paragraphStyle(String id, String name, String pPr, String rPr) {
    return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id + "\">"
        + "<w:name w:val=\"" + name + "\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr>" + pPr + "</w:pPr><w:rPr>" + rPr + "</w:rPr></w:style>";
  }

  private static final String STYLES = XML
      + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr>"
      + "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
      + "<w:color w:val=\"1B1F24\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>"
      + "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"264\" w:lineRule=\"auto\"/>"
      + "</w:pPr></w:pPrDefault></w:docDefaults>"
      + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
      + "<w:qFormat/></w:style>"
      + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
      + "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
      + "</w:style>"
      + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      + "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
      + "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
      + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
      + "</w:tblPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
      + "<w:pPr><w:spacing w:before=\"0\" w:after=\"200\"/></w:pPr>"
      + "<w:rPr><w:b/><w:color w:val=\"" + ACCENT + "\"/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>"
      + "</w:rPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
      + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/>"
      + "<w:outlineLvl w:val=\"0\"/></w:pPr>"
      + "<w:rPr><w:b/><w:color w:val=\"" + ACCENT + "\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"
      + "</w:rPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
      + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"100\"/>"
      + "<w:outlineLvl w:val=\"1\"/></w:pPr>"
      + "<w:rPr><w:b/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
      + "<w:pPr><w:spacing w:before=\"40\" w:after=\"120\"/></w:pPr>"
      + "<w:rPr><w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"
      + "</w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
      + "<w:rPr><w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"16\"/></w:rPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
      + "<w:rPr><w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"15\"/></w:rPr></w:style>"
      + paragraphStyle("Small", "Small print", "<w:spacing w:before=\"40\" w:after=\"120\"/>",
          "<w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>")
      + paragraphStyle("Spacer", "Spacer", "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"160\""
          + " w:lineRule=\"exact\"/>", "<w:sz w:val=\"8\"/>")
      + paragraphStyle("Marker", "Block marker", "<w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:color w:val=\"8A6D00\"/><w:sz w:val=\"16\"/><w:shd w:val=\"clear\" w:color=\"auto\""
              + " w:fill=\"FFF4C2\"/>")
      + paragraphStyle("TableText", "Table text", "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
      + paragraphStyle("TableNumber", "Table number",
          "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"right\"/>",
          "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
      + paragraphStyle("TableLabel", "Table label", "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"18\"/>")
      + paragraphStyle("TableHead", "Table head", "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:b/><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"17\"/>")
      + paragraphStyle("TableHeadNumber", "Table head number",
          "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"right\"/>",
          "<w:b/><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"17\"/>")
      + paragraphStyle("StripLabel", "Strip label", "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"20\"/>",
          "<w:b/><w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"15\"/>")
      + paragraphStyle("StripValue", "Strip value", "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/>", "")
      + paragraphStyle("Picture", "Picture", "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/>", "")
      + paragraphStyle("PictureCaption", "Picture caption",
          "<w:keepNext/><w:spacing w:before=\"40\" w:after=\"60\"/>",
          "<w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>")
      + paragraphStyle("Lead", "Lead-in", "<w:keepNext/>", "")
      + paragraphStyle("Chart", "Chart", "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"0\"/>",
          "")
      + paragraphStyle("NoticeHeading", "Notice heading",
          "<w:keepNext/><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"D98A00\"/>"
              + "</w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF4E0\"/>"
              + "<w:spacing w:before=\"280\" w:after=\"0\"/><w:ind w:left=\"200\" w:right=\"120\"/>",
          "<w:b/>")
      + paragraphStyle("Notice", "Notice",
          "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"D98A00\"/></w:pBdr>"
              + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF4E0\"/>"
              + "<w:spacing w:before=\"0\" w:after=\"120\"/><w:ind w:left=\"200\" w:right=\"120\"/>",
          "")
      + "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Hash\"><w:name w:val=\"Hash\"/>"
      + "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>"
      + "<w:sz w:val=\"16\"/></w:rPr></w:style>"
      + "</w:styles>";
}
