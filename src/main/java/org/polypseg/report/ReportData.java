package org.polypseg.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.polypseg.model.ModelMetrics;
import org.polypseg.model.ModelMetrics.TestSetFigures;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.OverlayRenderer;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * Everything a report shows, computed once and written by either format: each image's analysis
 * and pictures, the batch summary, the models and their validated figures.
 *
 * @param request what was asked for
 * @param entries one per image, numbered from 1 in the request's order
 * @param summary the batch summary, or null for a one-image report
 * @param models the distinct models that made the segmentations (normally one)
 * @param metrics the validated test figures of the model folder, empty when not yet measured
 */
record ReportData(ReportRequest request, List<Entry> entries, Summary summary,
    List<ModelSummary> models, Optional<ModelMetrics> metrics) {

  /**
   * One analysed image.
   *
   * @param number position in the report, from 1
   * @param item the request's item
   * @param analysis the segmentation read at the item's threshold
   * @param original the original image, encoded for the document
   * @param overlay the overlay, encoded for the document
   * @param heatMap the probability heat map, encoded for the document
   */
  record Entry(int number, ReportItem item, ThresholdAnalysis analysis, Picture original,
      Picture overlay, Picture heatMap) {

    boolean hasTruth() {
      return item.truth() != null;
    }
  }

  /**
   * Over the images of a batch: area in pixels and as a fraction of the image, region count, and
   * Dice and IoU over the images with a truth mask.
   *
   * @param diceChart per-image Dice, or null when no image had a truth mask
   * @param areaChart per-image area in % of the image
   */
  record Summary(Stats areaPx, Stats areaFraction, Stats regions, Stats dice, Stats iou,
      Picture diceChart, Picture areaChart) {}

  static ReportData prepare(ReportRequest request, Optional<ModelMetrics> metrics) {
    List<Entry> entries = new ArrayList<>();
    LinkedHashSet<ModelSummary> models = new LinkedHashSet<>();
    int number = 1;
    for (ReportItem item : request.items()) {
      ThresholdAnalysis analysis =
          SegmentationService.analyze(item.segmentation(), item.threshold(), item.edits(),
              item.truth());
      // Burned-in text blanked in every picture, over the tint and outlines too (the heat map
      // carries no text, but a box drawn on it shows the reader where the redaction is).
      Picture original = Picture.photo(item.redaction().apply(item.image()));
      Picture overlay = Picture.photo(item.redaction().apply(OverlayRenderer.render(
          item.image(), item.segmentation(), item.threshold(), item.edits(), item.truth())));
      Picture heatMap = Picture.photo(
          item.redaction().apply(SegmentationImages.heatMap(item.segmentation())));
      entries.add(new Entry(number++, item, analysis, original, overlay, heatMap));
      models.add(item.segmentation().model());
    }
    Summary summary = request.isBatch() ? summarise(entries) : null;
    return new ReportData(request, List.copyOf(entries), summary, List.copyOf(models), metrics);
  }

  private static Summary summarise(List<Entry> entries) {
    List<Integer> numbers = new ArrayList<>();
    List<Double> area = new ArrayList<>();
    List<Double> fraction = new ArrayList<>();
    List<Double> regions = new ArrayList<>();
    List<Integer> truthNumbers = new ArrayList<>();
    List<Double> dice = new ArrayList<>();
    List<Double> iou = new ArrayList<>();
    for (Entry e : entries) {
      numbers.add(e.number());
      area.add((double) e.analysis().areaPx());
      fraction.add(e.analysis().areaFraction());
      regions.add((double) e.analysis().regions().size());
      if (e.hasTruth()) {
        truthNumbers.add(e.number());
        dice.add(e.analysis().dice());
        iou.add(e.analysis().iou());
      }
    }
    Picture diceChart = dice.isEmpty() ? null
        : ReportCharts.bars(truthNumbers, dice, 1.0, Numbers::score);
    Picture areaChart = ReportCharts.bars(numbers,
        fraction.stream().map(f -> f * 100).toList(), Double.NaN, v -> Numbers.percent(v / 100));
    return new Summary(Stats.of(area), Stats.of(fraction), Stats.of(regions), Stats.of(dice),
        Stats.of(iou), diceChart, areaChart);
  }

  boolean isBatch() {
    return summary != null;
  }

  /** The files of the batch that could not be analysed. */
  List<ReportRequest.Failure> failures() {
    return request.failures();
  }

  /** The model that made the first segmentation: the one whose figures the report shows. */
  ModelSummary model() {
    return models.getFirst();
  }

  /** Images with a truth mask. */
  long truthCount() {
    return entries.stream().filter(Entry::hasTruth).count();
  }

  /** The thresholds used, distinct, in order: "0.50" or "0.40, 0.50". */
  String thresholds() {
    return String.join(", ", new LinkedHashSet<>(
        entries.stream().map(e -> Numbers.threshold(e.item().threshold())).toList()));
  }

  /** The weights hash of validated figures measured on another model than {@link #model()}. */
  Optional<String> figuresForOtherWeights() {
    return metrics.stream().flatMap(m -> m.testSets().stream())
        .filter(f -> !f.measures(model().sha256()))
        .map(TestSetFigures::modelSha256).findFirst();
  }
}
