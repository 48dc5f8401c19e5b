package org.polypseg.web;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polypseg.segment.Region;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * The figures for one image at its current threshold: polyp area, regions with their bounding
 * boxes, inference time, and Dice and IoU when a ground-truth mask was given.
 */
public class MetricsPanel extends Div {

  /** Regions listed at most; a line under the table counts the rest. */
  static final int MAX_ROWS = 10;

  private final Span area = value("area");
  private final Span areaShare = new Span();
  private final Span regionCount = value("regions");
  private final Span threshold = new Span();
  private final Span inference = value("inference");
  private final Span dice = value("dice");
  private final Span iou = value("iou");
  private final Span truthHint = new Span();
  // A plain table: a handful of rows, and far less work for the browser than a Grid.
  private final NativeTable regions = new NativeTable();
  private final Span moreRegions = new Span();

  /** One row of the regions table. */
  public record RegionRow(int number, String box, int areaPx, double meanProbability) {}

  public MetricsPanel() {
    addClassName("metrics");
    setId("metrics");
    areaShare.addClassName("stat-sub");
    threshold.addClassName("stat-sub");
    truthHint.addClassName("stat-sub");
    Div stats = new Div(
        stat("Polyp area", area, areaShare),
        stat("Regions", regionCount, threshold),
        stat("Dice", dice, truthHint),
        stat("IoU", iou, new Span("intersection over union")),
        stat("Inference", inference, new Span("the network alone, not queueing")));
    stats.addClassName("stats");

    NativeTableRow head = regions.getHead().addRow();
    for (String title : List.of("#", "Bounding box (x, y, w × h)", "Area", "Mean probability")) {
      head.addHeaderCell().setText(title);
    }
    regions.addClassName("regions");
    regions.setId("regions");
    H3 regionsTitle = new H3("Regions");
    moreRegions.addClassName("stat-sub");
    // The table scrolls sideways in its own box on a narrow screen; the page does not.
    Div regionsScroll = new Div(regions);
    regionsScroll.addClassName("regions-scroll");
    add(stats, regionsTitle, regionsScroll, moreRegions);
  }

  /** Shows the figures of a segmented case at its threshold. */
  public void show(ImageCase c) {
    ThresholdAnalysis a = c.analysis();
    Segmentation s = c.segmentation();
    area.setText(String.format(Locale.ROOT, "%,d px", a.areaPx()));
    areaShare.setText(String.format(Locale.ROOT, "%.2f %% of %d × %d", 100 * a.areaFraction(),
        s.width(), s.height()));
    regionCount.setText(Integer.toString(a.regions().size()));
    threshold.setText(String.format(Locale.ROOT, "at threshold %.2f", a.threshold())
        + (c.corrected() ? String.format(Locale.ROOT, ", corrected by hand (%,d px)",
            c.edits().changedPixels()) : ""));
    inference.setText(String.format(Locale.ROOT, "%.0f ms", s.inferenceMs()));
    if (a.dice() != null) {
      dice.setText(String.format(Locale.ROOT, "%.3f", a.dice()));
      iou.setText(String.format(Locale.ROOT, "%.3f", a.iou()));
      truthHint.setText("against the ground-truth mask");
    } else {
      dice.setText("—");
      iou.setText("—");
      truthHint.setText("add a ground-truth mask");
    }
    regions.getBody().removeAllRows();
    for (RegionRow r : rows(a.regions())) {
      NativeTableRow row = regions.getBody().addRow();
      row.addDataCell().setText(Integer.toString(r.number()));
      row.addDataCell().setText(r.box());
      row.addDataCell().setText(String.format(Locale.ROOT, "%,d px", r.areaPx()));
      row.addDataCell().setText(String.format(Locale.ROOT, "%.3f", r.meanProbability()));
    }
    int hidden = a.regions().size() - MAX_ROWS;
    moreRegions.setVisible(hidden > 0);
    if (hidden > 0) {
      moreRegions.setText(String.format(Locale.ROOT, "and %d smaller region%s of at most %,d px",
          hidden, hidden == 1 ? "" : "s", a.regions().get(MAX_ROWS).areaPx()));
    }
    regions.setVisible(!a.regions().isEmpty());
  }

  static List<RegionRow> rows(List<Region> regions) {
    List<RegionRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_ROWS, regions.size()); i++) {
      Region r = regions.get(i);
      rows.add(new RegionRow(i + 1,
          String.format(Locale.ROOT, "%d, %d, %d × %d", r.x(), r.y(), r.width(), r.height()),
          r.areaPx(), r.meanProbability()));
    }
    return rows;
  }

  // For tests: the texts a user reads.
  String areaText() {
    return area.getText() + " " + areaShare.getText();
  }

  String regionCountText() {
    return regionCount.getText();
  }

  String diceText() {
    return dice.getText();
  }

  String iouText() {
    return iou.getText();
  }

  private static Span value(String id) {
    Span span = new Span();
    span.addClassName("stat-value");
    span.setId("metric-" + id);
    return span;
  }

  private static Div stat(String label, Span value, Span sub) {
    Span caption = new Span(label);
    caption.addClassName("stat-label");
    sub.addClassName("stat-sub");
    Div div = new Div(caption, value, sub);
    div.addClassName("stat");
    return div;
  }
}
