package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.polypseg.segment.ThresholdCurve;

/**
 * The batch's Dice against threshold: the mean over the segmented images that have a mask, with
 * the best threshold marked and a button that gives it to every image. Shown from two such images.
 */
final class BatchDiceCurve extends Div {

  private final Span summary = new Span();
  private final Image chart = new Image();
  private final Button useBest = new Button();
  // Each image's curve, made once per mask (the map's keys are the truth arrays).
  private final Map<boolean[], double[]> curves = new IdentityHashMap<>();
  private double best = Double.NaN;

  BatchDiceCurve(DoubleConsumer applyToAll) {
    addClassName("batch-curve");
    setId("batch-curve");
    summary.setId("batch-curve-summary");
    chart.addClassName("batch-curve-chart");
    useBest.addThemeVariants(ButtonVariant.LUMO_SMALL);
    useBest.setId("batch-use-best");
    useBest.addClickListener(e -> applyToAll.accept(best));
    add(summary, useBest, chart);
    setVisible(false);
  }

  /** Shows the mean curve of {@code cases}' images with masks, or hides itself below two. */
  void update(List<ImageCase> cases) {
    List<ImageCase> withTruth = cases.stream().filter(c -> c.isDone() && c.truth() != null).toList();
    curves.keySet().retainAll(withTruth.stream().map(ImageCase::truth).toList());
    if (withTruth.size() < 2) {
      setVisible(false);
      return;
    }
    double[] mean = ThresholdCurve.mean(withTruth.stream().map(c -> curves.computeIfAbsent(
        c.truth(), t -> ThresholdCurve.dice(c.segmentation().probabilities(), t))).toList());
    int k = ThresholdCurve.best(mean);
    best = ThresholdCurve.threshold(k);
    String text = String.format(Locale.ROOT, "Mean Dice of the %d images with masks (the model's "
        + "masks, before hand corrections): best at threshold %.2f, %.3f; at 0.50, %.3f",
        withTruth.size(), best, mean[k], mean[50]);
    summary.setText(text);
    useBest.setText(String.format(Locale.ROOT, "Use %.2f for all images", best));
    chart.setSrc("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(
        svg(mean, k).getBytes(StandardCharsets.UTF_8)));
    chart.setAlt(text);
    setVisible(true);
  }

  /** The curve as a small SVG chart: threshold across, Dice up, the best point marked. */
  static String svg(double[] curve, int best) {
    StringBuilder points = new StringBuilder();
    for (int k = 0; k < curve.length; k++) {
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", k == 0 ? "" : " ", x(k), y(curve[k])));
    }
    return String.format(Locale.ROOT, """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 112" width="420" height="112" \
        font-family="sans-serif" font-size="10" fill="#555">\
        <line x1="30" y1="90" x2="410" y2="90" stroke="#99a"/>\
        <line x1="30" y1="10" x2="30" y2="90" stroke="#99a"/>\
        <text x="26" y="14" text-anchor="end">1</text><text x="26" y="93" text-anchor="end">0</text>\
        <text x="30" y="106" text-anchor="middle">0</text>\
        <text x="220" y="106" text-anchor="middle">threshold</text>\
        <text x="410" y="106" text-anchor="middle">1</text>\
        <polyline points="%s" fill="none" stroke="#0072b2" stroke-width="2"/>\
        <circle cx="%.1f" cy="%.1f" r="4" fill="#f0e442" stroke="#000"/></svg>""",
        points, x(best), y(curve[best]));
  }

  private static double x(int k) {
    return 30 + k / 100.0 * 380;
  }

  private static double y(double dice) {
    return 10 + (1 - dice) * 80;
  }

  /** The threshold "Use … for all images" gives, or NaN while hidden. */
  double best() {
    return isVisible() ? best : Double.NaN;
  }
}
