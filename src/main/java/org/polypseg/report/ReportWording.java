package org.polypseg.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polypseg.model.ModelMetrics;
import org.polypseg.segment.ModelSummary;

/**
 * Every sentence, heading and label of a report, from the texts file: the one source of both
 * writers' wording, so that a PDF and a Word report on the same images say the same. Values are
 * written by {@link Numbers}.
 */
final class ReportWording {

  private final ReportTexts texts;
  private final ReportData data;
  private final ReportProperties.Clinic clinic;

  ReportWording(ReportTexts texts, ReportData data, ReportProperties.Clinic clinic) {
    this.texts = texts;
    this.data = data;
    this.clinic = clinic == null ? ReportProperties.Clinic.NONE : clinic;
  }

  ReportTexts texts() {
    return texts;
  }

  /** A text without placeholders. */
  String text(String key) {
    return texts.get(key);
  }

  // ---- the frame of every page ------------------------------------------------------------

  /**
   * The letterhead's lines, top left of every page: the configured clinic's name and its address
   * lines joined into one line; without a clinic, the texts file's {@code letterhead.*} lines.
   * Empty lines are left out, so an unset clinic prints no placeholder.
   */
  List<String> letterhead() {
    return letterhead(texts, clinic);
  }

  /** The letterhead's lines for {@code clinic} (or the texts' when none): the clip report's too. */
  static List<String> letterhead(ReportTexts texts, ReportProperties.Clinic clinic) {
    List<String> lines = new ArrayList<>();
    if (!clinic.isEmpty()) {
      lines.add(clinic.name());
      lines.add(String.join(" \u00b7 ", clinic.address()));
    } else {
      lines.add(texts.setting("letterhead.1"));
      lines.add(texts.setting("letterhead.2"));
    }
    return lines.stream().filter(s -> !s.isBlank()).toList();
  }

  /** The case label, or the texts' "none given". */
  String caseLabel() {
    String label = data.request().caseLabel();
    return label == null ? texts.get("label.case.none") : label;
  }

  String headerRight() {
    return texts.get("header.right", Map.of("case", caseLabel()));
  }

  String created() {
    return Numbers.dateTime(data.request().createdAt());
  }

  // ---- title ------------------------------------------------------------------------------

  String title() {
    return data.isBatch()
        ? texts.get("title.batch", Map.of("count", Integer.toString(fileCount())))
        : texts.get("title.single");
  }

  /** The images strip's value: "3", or "2 (1 not analysed)". */
  String imageCount() {
    int failed = data.request().failures().size();
    String count = Integer.toString(data.entries().size());
    return failed == 0 ? count : texts.get("label.images.failed",
        Map.of("count", count, "failed", Integer.toString(failed)));
  }

  private int fileCount() {
    return data.entries().size() + data.request().failures().size();
  }

  // ---- batch ------------------------------------------------------------------------------

  String summaryNote() {
    return texts.get("summary.note", Map.of("truthCount", Long.toString(data.truthCount()),
        "threshold", data.thresholds()));
  }

  // ---- one image --------------------------------------------------------------------------

  String imageHeading(ReportData.Entry e) {
    String name = e.item().name();
    return data.isBatch()
        ? texts.get("heading.image", Map.of("number", Integer.toString(e.number()),
            "count", Integer.toString(data.entries().size()), "name", name))
        : texts.get("heading.image.single", Map.of("name", name));
  }

  String originalCaption(ReportData.Entry e) {
    return texts.get("caption.original", Map.of(
        "width", Integer.toString(e.item().image().getWidth()),
        "height", Integer.toString(e.item().image().getHeight())));
  }

  String overlayCaption(ReportData.Entry e) {
    return texts.get("caption.overlay", Map.of("threshold", threshold(e)))
        + correctedNote(e);
  }

  /** ", mask corrected by hand (N px)" when it was, else nothing. */
  private String correctedNote(ReportData.Entry e) {
    return e.item().corrected() ? texts.get("note.corrected", Map.of("pixels",
        Numbers.pixels(e.item().edits().changedPixels()))) : "";
  }

  /** What the three pictures of an image show, for readers that do not see them (PDF alt text). */
  String picturesAlt(ReportData.Entry e) {
    return imageHeading(e) + ". " + originalCaption(e) + "; " + overlayCaption(e) + "; "
        + text("caption.heatmap") + ".";
  }

  String thresholdValue(ReportData.Entry e) {
    return texts.get("label.threshold.value", Map.of("threshold", threshold(e)))
        + correctedNote(e);
  }

  String areaValue(ReportData.Entry e) {
    return texts.get("label.area.value", Map.of(
        "areaPx", Numbers.pixels(e.analysis().areaPx()),
        "areaPercent", Numbers.percent(e.analysis().areaFraction())));
  }

  String diceValue(ReportData.Entry e) {
    Double dice = e.analysis().dice();
    return dice == null ? texts.get("label.truth.none") : Numbers.score(dice);
  }

  String iouValue(ReportData.Entry e) {
    Double iou = e.analysis().iou();
    return iou == null ? texts.get("label.truth.none") : Numbers.score(iou);
  }

  String inferenceValue(ReportData.Entry e) {
    return texts.get("label.inference.value",
        Map.of("ms", Numbers.millis(e.item().segmentation().inferenceMs())));
  }

  private static String threshold(ReportData.Entry e) {
    return Numbers.threshold(e.item().threshold());
  }

  // ---- model ------------------------------------------------------------------------------

  String quantum(ModelSummary m) {
    if (m.qubits() == 0) {
      return texts.get("label.quantum.none");
    }
    String one = texts.get("label.quantum.value", Map.of("qubits", Integer.toString(m.qubits()),
        "layers", Integer.toString(m.layers()), "backend", backend(m.backend())));
    // Optional, so that a template edited before placement existed still renders.
    return m.circuits() <= 1 || texts.setting("label.quantum.circuits").isEmpty() ? one
        : one + "; " + texts.get("label.quantum.circuits", Map.of("circuits",
            Integer.toString(m.circuits()), "stages", Integer.toString(m.circuits() - 1)));
  }

  /** A circuit simulator by its proper name ("Strange"), from the texts' {@code backend.*}. */
  String backend(String name) {
    String proper = texts.setting("backend." + name);
    return proper.isEmpty() ? name : proper;
  }

  String inputSize(ModelSummary m) {
    return texts.get("label.inputSize.value", Map.of("size", Integer.toString(m.inputSize())));
  }

  String protocol(ModelMetrics metrics) {
    return texts.get("validated.protocol", Map.of("protocol", metrics.protocol()));
  }

  String otherWeights(String sha256) {
    return texts.get("validated.otherModel", Map.of("sha256", sha256));
  }
}
