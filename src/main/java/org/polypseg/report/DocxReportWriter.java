package org.polypseg.report;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polypseg.model.ModelMetrics;
import org.polypseg.model.ModelMetrics.TestSetFigures;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Region;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * Writes a report as Word (POI XWPF) by filling the Word template; the names this offers the
 * template are listed in {@code reports/templates/README.md}. The wording comes from the same
 * texts file as the PDF's ({@link ReportWording}): every text as {@code {{text.KEY}}}, and the
 * texts filled with figures under the names of what they describe.
 */
final class DocxReportWriter {

  /** Width of the original and the overlay side by side, points (8 cm of a 8.25 cm column). */
  static final double PHOTO_WIDTH_PT = 226;

  /** Width of each of an image's three pictures side by side, points (5.3 cm of 5.5 cm). */
  static final double PICTURE_WIDTH_PT = 150;

  /** Width of a chart, points (16.5 cm, the text width of A4 with 2.25 cm margins). */
  static final double CHART_WIDTH_PT = 468;

  private DocxReportWriter() {}

  static void write(ReportData data, ReportWording wording, ReportTemplates.Template template,
      OutputStream out) {
    DocxTemplate.render(template, values(data, wording), out);
  }

  /** The data tree the template's placeholders name. */
  static Map<String, Object> values(ReportData data, ReportWording wording) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("text", wording.texts().plain());
    List<String> letterhead = wording.letterhead();
    root.put("letterhead", Map.of(
        "name", letterhead.isEmpty() ? "" : letterhead.getFirst(),
        "address", String.join(" \u00b7 ", letterhead.subList(Math.min(1, letterhead.size()),
            letterhead.size()))));
    root.put("headerRight", wording.headerRight());
    root.put("title", wording.title());
    root.put("created", wording.created());
    root.put("case", wording.caseLabel());
    root.put("count", Integer.toString(data.entries().size()));
    root.put("imageCount", wording.imageCount());
    root.put("thresholds", data.thresholds());
    root.put("modelName", data.model().name());
    root.put("single", !data.isBatch());
    root.put("batch", data.isBatch() ? List.of(batch(data, wording)) : List.of());

    List<Map<String, Object>> images = new ArrayList<>();
    for (ReportData.Entry e : data.entries()) {
      images.add(image(data, wording, e));
    }
    root.put("image", images);

    List<Map<String, Object>> models = new ArrayList<>();
    for (ModelSummary m : data.models()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", m.name());
      model.put("sha256", m.sha256());
      model.put("qubits", Integer.toString(m.qubits()));
      model.put("layers", Integer.toString(m.layers()));
      model.put("backend", wording.backend(m.backend()));
      model.put("inputSize", Integer.toString(m.inputSize()));
      model.put("quantumText", wording.quantum(m));
      model.put("inputSizeText", wording.inputSize(m));
      models.add(model);
    }
    root.put("model", models);

    root.put("figures",
        data.metrics().map(m -> List.of(figures(data, wording, m))).orElse(List.of()));
    root.put("noFigures", data.metrics().isEmpty());
    return root;
  }

  private static Map<String, Object> batch(ReportData data, ReportWording wording) {
    ReportData.Summary s = data.summary();
    Map<String, Object> batch = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ReportData.Entry e : data.entries()) {
      ThresholdAnalysis a = e.analysis();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", Integer.toString(e.number()));
      row.put("name", e.item().name());
      row.put("threshold", Numbers.threshold(e.item().threshold()));
      row.put("areaPx", Numbers.pixels(a.areaPx()));
      row.put("areaPercent", Numbers.percent(a.areaFraction()));
      row.put("regions", Integer.toString(a.regions().size()));
      row.put("dice", Numbers.score(a.dice()));
      row.put("iou", Numbers.score(a.iou()));
      rows.add(row);
    }
    batch.put("row", rows);
    Map<String, Object> mean = new LinkedHashMap<>();
    mean.put("areaPx", Numbers.meanSd(s.areaPx(), Numbers::pixels));
    mean.put("areaPercent", Numbers.meanSd(s.areaFraction(), Numbers::percent));
    mean.put("regions", Numbers.meanSd(s.regions(), v -> String.format(Locale.ROOT, "%.1f", v)));
    mean.put("dice", Numbers.meanSd(s.dice(), Numbers::score));
    mean.put("iou", Numbers.meanSd(s.iou(), Numbers::score));
    batch.put("mean", mean);
    batch.put("truthCount", Long.toString(data.truthCount()));
    batch.put("note", wording.summaryNote());
    List<Map<String, Object>> failures = new ArrayList<>();
    for (ReportRequest.Failure f : data.failures()) {
      failures.add(Map.of("name", f.name(), "reason", f.reason()));
    }
    batch.put("failed", failures.isEmpty() ? List.of() : List.of(Map.of("row", failures)));
    batch.put("dice", s.diceChart() == null ? List.of()
        : List.of(Map.of("chart", new DocxTemplate.Image(s.diceChart(), CHART_WIDTH_PT))));
    batch.put("areaChart", new DocxTemplate.Image(s.areaChart(), CHART_WIDTH_PT));
    return batch;
  }

  private static Map<String, Object> image(ReportData data, ReportWording wording,
      ReportData.Entry e) {
    ReportItem item = e.item();
    ThresholdAnalysis a = e.analysis();
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("number", Integer.toString(e.number()));
    image.put("name", item.name());
    image.put("newPage", data.isBatch());
    image.put("heading", wording.imageHeading(e));
    image.put("original", new DocxTemplate.Image(e.original(), PICTURE_WIDTH_PT));
    image.put("overlay", new DocxTemplate.Image(e.overlay(), PICTURE_WIDTH_PT));
    image.put("heatMap", new DocxTemplate.Image(e.heatMap(), PICTURE_WIDTH_PT));
    image.put("originalCaption", wording.originalCaption(e));
    image.put("overlayCaption", wording.overlayCaption(e));
    image.put("thresholdText", wording.thresholdValue(e));
    image.put("areaText", wording.areaValue(e));
    image.put("diceText", wording.diceValue(e));
    image.put("iouText", wording.iouValue(e));
    image.put("inferenceText", wording.inferenceValue(e));
    image.put("width", Integer.toString(item.image().getWidth()));
    image.put("height", Integer.toString(item.image().getHeight()));
    image.put("threshold", Numbers.threshold(item.threshold()));
    image.put("areaPx", Numbers.pixels(a.areaPx()));
    image.put("areaPercent", Numbers.percent(a.areaFraction()));
    image.put("regionCount", Integer.toString(a.regions().size()));
    image.put("inferenceMs", Numbers.millis(item.segmentation().inferenceMs()));
    image.put("dice", Numbers.score(a.dice()));
    image.put("iou", Numbers.score(a.iou()));
    image.put("truth", e.hasTruth());
    image.put("noTruth", !e.hasTruth());
    List<Map<String, Object>> regions = new ArrayList<>();
    int n = 1;
    for (Region r : a.regions()) {
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("number", Integer.toString(n++));
      region.put("bbox", r.x() + ", " + r.y() + ", " + r.width() + ", " + r.height());
      region.put("areaPx", Numbers.pixels(r.areaPx()));
      region.put("meanProbability", Numbers.score(r.meanProbability()));
      regions.add(region);
    }
    image.put("region", regions);
    image.put("hasRegions", !regions.isEmpty());
    image.put("noRegion", regions.isEmpty());
    return image;
  }

  private static Map<String, Object> figures(ReportData data, ReportWording wording,
      ModelMetrics metrics) {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TestSetFigures f : metrics.testSets()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("testSet", f.name());
      row.put("images", Integer.toString(f.images()));
      row.put("mDice", Numbers.score(f.mDice()));
      row.put("mIoU", Numbers.score(f.mIoU()));
      row.put("maxDice", Numbers.score(f.maxDice()));
      rows.add(row);
    }
    figures.put("row", rows);
    figures.put("protocol", metrics.protocol() == null ? List.of()
        : List.of(Map.of("text", metrics.protocol(), "sentence", wording.protocol(metrics))));
    figures.put("otherWeights", data.figuresForOtherWeights()
        .map(sha -> List.of(Map.of("sha256", sha, "sentence", wording.otherWeights(sha))))
        .orElse(List.of()));
    return figures;
  }
}
