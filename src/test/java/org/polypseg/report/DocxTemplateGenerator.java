package org.polypseg.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
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
    StringBuilder b = new StringBuilder();
    b.append(p("Title", run("Polyp segmentation report")));
    b.append(infoStrip());

    b.append(marker("#batch"));
    b.append(p("Heading1", run("Batch summary")));
    int[] cols = {450, 3150, 1100, 1100, 950, 900, 852, 852};
    b.append(table(cols, true,
        headRow(cols, "#", "Image", "Threshold", "Area (px)", "Area (%)", "Regions", "Dice",
            "IoU"),
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
            tcSpan(cols[0] + cols[1] + cols[2], 3, null, p("TableText", bold("Mean \u00b1 sd"))),
            tc(cols[3], null, p("TableNumber", bold("{{batch.mean.areaPx}}"))),
            tc(cols[4], null, p("TableNumber", bold("{{batch.mean.areaPercent}}"))),
            tc(cols[5], null, p("TableNumber", bold("{{batch.mean.regions}}"))),
            tc(cols[6], null, p("TableNumber", bold("{{batch.mean.dice}}"))),
            tc(cols[7], null, p("TableNumber", bold("{{batch.mean.iou}}"))))));
    b.append(p("Small", run("Per image at its threshold ({{thresholds}}). Mean \u00b1 sd: sample"
        + " mean and sample standard deviation over the images; Dice and IoU over the"
        + " {{batch.truthCount}} image(s) with a ground-truth mask.")));
    b.append(marker("#batch.dice"));
    b.append(p("Chart", run("{{batch.dice.chart}}")));
    b.append(p("Caption", run("Dice per image (bars) and the batch mean (dashed line); image"
        + " numbers as in the table.")));
    b.append(marker("/batch.dice"));
    b.append(p("Chart", run("{{batch.areaChart}}")));
    b.append(p("Caption", run("Polyp area per image, % of the image (bars), and the batch mean"
        + " (dashed line); image numbers as in the table.")));
    b.append(marker("/batch"));

    b.append(marker("#image"));
    // In a batch each image starts a page and is numbered; a one-image report needs neither.
    b.append(marker("#image.newPage"));
    b.append("<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"0\""
        + " w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
    b.append(p("Heading1", run("Image {{image.number}} of {{count}}: {{image.name}}")));
    b.append(marker("/image.newPage"));
    b.append(marker("#single"));
    b.append(p("Heading1", run("Image: {{image.name}}")));
    b.append(marker("/single"));
    int half = TEXT / 2;
    b.append(table(new int[] {half, half}, false,
        tr(false,
            tc(half, null, p("Picture", run("{{image.original}}")),
                p("Caption", run("Original ({{image.width}} \u00d7 {{image.height}} px)"))),
            tc(half, null, p("Picture", run("{{image.overlay}}")),
                p("Caption", run("Overlay at threshold {{image.threshold}}"))))));
    b.append(p("Small", swatch("3CFFB4"),
        run(" Green tint and outline: the model's polyp area at the threshold.")));
    b.append(marker("#image.truth"));
    b.append(p("Small", swatch("FFD400"), run(" Yellow outline: the ground-truth mask.")));
    b.append(marker("/image.truth"));

    b.append(p("Heading2", run("Findings")));
    int[] kv = {2600, TEXT - 2600};
    b.append(table(kv, true,
        kvRow(kv, "Threshold", run("{{image.threshold}} (a pixel is polyp when its probability"
            + " is \u2265 the threshold)")),
        kvRow(kv, "Polyp area", run("{{image.areaPx}} px, {{image.areaPercent}} % of the image")),
        kvRow(kv, "Regions", run("{{image.regionCount}}")),
        kvRow(kv, "Dice with the ground truth", run("{{image.dice}}")),
        kvRow(kv, "IoU with the ground truth", run("{{image.iou}}")),
        kvRow(kv, "Inference time", run("{{image.inferenceMs}} ms (resize, network, resize"
            + " back)"))));
    b.append(marker("#image.noTruth"));
    b.append(p("Small", run("No ground-truth mask was given for this image: Dice and IoU are not"
        + " computed.")));
    b.append(marker("/image.noTruth"));

    b.append(p("Heading2", run("Regions")));
    b.append(marker("#image.hasRegions"));
    int[] rc = {600, 4354, 2000, 2400};
    b.append(table(rc, true,
        headRow(rc, "#", "Bounding box x, y, width, height (px)", "Area (px)",
            "Mean probability"),
        tr(false,
            tc(rc[0], null, p("TableNumber", run("{{image.region.number}}"))),
            tc(rc[1], null, p("TableText", run("{{image.region.bbox}}"))),
            tc(rc[2], null, p("TableNumber", run("{{image.region.areaPx}}"))),
            tc(rc[3], null, p("TableNumber", run("{{image.region.meanProbability}}"))))));
    b.append(marker("/image.hasRegions"));
    b.append(marker("#image.noRegion"));
    b.append(p(null, run("No region reaches the threshold.")));
    b.append(marker("/image.noRegion"));
    b.append(marker("/image"));

    b.append(p("Heading1", run("Model")));
    b.append(marker("#model"));
    b.append(table(kv, true,
        kvRow(kv, "Name", run("{{model.name}}")),
        kvRow(kv, "Weights SHA-256", "<w:r><w:rPr><w:rStyle w:val=\"Hash\"/></w:rPr>"
            + t("{{model.sha256}}") + "</w:r>"),
        kvRow(kv, "Quantum circuit", run("{{model.qubits}} qubits, {{model.layers}} entangling"
            + " layers, simulated by {{model.backend}}")),
        kvRow(kv, "Input size", run("{{model.inputSize}} \u00d7 {{model.inputSize}} px"))));
    b.append(p("Small", run("")));
    b.append(marker("/model"));

    b.append(p("Heading2", run("Validated test figures")));
    b.append(marker("#figures"));
    b.append(p(null, run("The shipped model measured on held-out test images, as recorded in its"
        + " model card.")));
    int[] fc = {3354, 1500, 1500, 1500, 1500};
    b.append(table(fc, true,
        headRow(fc, "Test set", "Images", "mDice", "mIoU", "maxDice"),
        tr(false,
            tc(fc[0], null, p("TableText", run("{{figures.row.testSet}}"))),
            tc(fc[1], null, p("TableNumber", run("{{figures.row.images}}"))),
            tc(fc[2], null, p("TableNumber", run("{{figures.row.mDice}}"))),
            tc(fc[3], null, p("TableNumber", run("{{figures.row.mIoU}}"))),
            tc(fc[4], null, p("TableNumber", run("{{figures.row.maxDice}}"))))));
    b.append(marker("#figures.protocol"));
    b.append(p("Small", run("Protocol: {{figures.protocol.text}}")));
    b.append(marker("/figures.protocol"));
    b.append(marker("#figures.otherWeights"));
    b.append(p("Notice", run("Measured on other weights (SHA-256 {{figures.otherWeights.sha256}}),"
        + " not on the model that made this report.")));
    b.append(marker("/figures.otherWeights"));
    b.append(marker("/figures"));
    b.append(marker("#noFigures"));
    b.append(p(null, run("Not yet measured: the model folder has no metrics.json.")));
    b.append(marker("/noFigures"));

    b.append(p("NoticeHeading", run("Intended use")));
    b.append(p("Notice", run("polypseg is research software for research and education. It is"
        + " not a medical device: it has not been cleared or approved by any regulator, and its"
        + " output must not be used to diagnose, treat or make any decision about a patient. The"
        + " segmentation and the figures in this report are a model's estimate and can be"
        + " wrong.")));

    String sectPr = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
        + "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"1814\" w:right=\"1276\" w:bottom=\"1304\" w:left=\"1276\""
        + " w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
    return XML + "<w:document " + NAMESPACES + "><w:body>" + b + sectPr + "</w:body></w:document>";
  }

  private static String infoStrip() {
    int[] cols = {2700, 2600, 1000, 3054};
    String[] names = {"CREATED", "CASE", "IMAGES", "MODEL"};
    String[] values = {"{{created}}", "{{case}}", "{{count}}", "{{modelName}}"};
    StringBuilder cells = new StringBuilder();
    for (int i = 0; i < cols.length; i++) {
      cells.append(tc(cols[i], LABEL_FILL, p("StripLabel", run(names[i])),
          p("StripValue", run(values[i]))));
    }
    String tblPr = "<w:tblPr><w:tblW w:w=\"" + TEXT + "\" w:type=\"dxa\"/>"
        + "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE
        + "\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" + RULE + "\"/>"
        + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>" + cellMargins(100, 110) + "</w:tblPr>";
    return "<w:tbl>" + tblPr + grid(cols) + "<w:tr>" + cells + "</w:tr></w:tbl>"
        + p("Spacer", run(""));
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

  private static String headRow(int[] cols, String... names) {
    String[] cells = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      boolean text = names[i].equals("Image") || names[i].startsWith("Bounding")
          || names[i].equals("Test set");
      cells[i] = tc(cols[i], ACCENT, p(text ? "TableHead" : "TableHeadNumber", run(names[i])));
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

  private static String header() {
    String tab = "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + TEXT + "\"/></w:tabs>";
    String first = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/>" + tab + "</w:pPr>"
        + "<w:r><w:rPr><w:b/><w:color w:val=\"" + ACCENT + "\"/><w:sz w:val=\"19\"/></w:rPr>"
        + t("polypseg") + "</w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:b/><w:sz w:val=\"19\"/>"
        + "</w:rPr>" + t("Polyp segmentation report") + "</w:r></w:p>";
    String second = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/>" + tab + "</w:pPr>"
        + run("Hybrid quantum-classical polyp segmentation") + "<w:r><w:tab/></w:r>"
        + run("Case: {{case}}") + "</w:p>";
    String third = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\""
        + " w:sz=\"8\" w:space=\"6\" w:color=\"" + ACCENT + "\"/></w:pBdr>" + tab + "</w:pPr>"
        + run("Replace these lines with your clinic's or laboratory's name and address"
            + " (double-click the header)") + "</w:p>";
    return XML + "<w:hdr " + NAMESPACES + ">" + first + second + third + "</w:hdr>";
  }

  private static String footer() {
    String tab = "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + TEXT + "\"/></w:tabs>";
    return XML + "<w:ftr " + NAMESPACES + "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
        + "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"6\" w:color=\"" + RULE + "\"/>"
        + "</w:pBdr>" + tab + "</w:pPr>"
        + run("Research and education only \u2014 not a medical device")
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
      + paragraphStyle("TableText", "Table text", "<w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
      + paragraphStyle("TableNumber", "Table number",
          "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"right\"/>",
          "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
      + paragraphStyle("TableLabel", "Table label", "<w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"18\"/>")
      + paragraphStyle("TableHead", "Table head", "<w:spacing w:before=\"0\" w:after=\"0\"/>",
          "<w:b/><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"17\"/>")
      + paragraphStyle("TableHeadNumber", "Table head number",
          "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"right\"/>",
          "<w:b/><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"17\"/>")
      + paragraphStyle("StripLabel", "Strip label", "<w:spacing w:before=\"0\" w:after=\"20\"/>",
          "<w:b/><w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"15\"/>")
      + paragraphStyle("StripValue", "Strip value", "<w:spacing w:before=\"0\" w:after=\"0\"/>", "")
      + paragraphStyle("Picture", "Picture", "<w:spacing w:before=\"0\" w:after=\"0\"/>", "")
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
