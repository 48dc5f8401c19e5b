package org.polypseg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.DoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The batch report's charts: one bar per image (numbered as in the summary table) and a line at
 * the batch mean. Rendered at twice their size so they stay sharp in print.
 */
final class ReportCharts {

  /** Drawn size, pixels before the 2x scale; placed at the text width in both formats. */
  static final int WIDTH = 720;
  static final int HEIGHT = 240;

  private static final Color BAR = new Color(0x1F, 0x4E, 0x79);
  private static final Color MEAN = new Color(0xD9, 0x6C, 0x00);
  private static final Color GRID = new Color(0xD0, 0xD7, 0xDE);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private ReportCharts() {}

  /**
   * A clip's timeline: polyp area per analysed frame (% of the frame) over time, with the
   * detection stretches shaded.
   *
   * @param seconds each analysed frame's time, seconds
   * @param area each analysed frame's polyp area, 0..1
   * @param stretches {start, end} of each detection stretch, seconds
   */
  static Picture timeline(double[] seconds, double[] area, List<double[]> stretches) {
    System.setProperty("java.awt.headless", "true");
    org.jfree.data.xy.XYSeries series = new org.jfree.data.xy.XYSeries("area");
    double max = 0;
    for (int i = 0; i < seconds.length; i++) {
      series.add(seconds[i], 100 * area[i]);
      max = Math.max(max, 100 * area[i]);
    }
    NumberAxis time = new NumberAxis();
    time.setTickLabelFont(TICKS);
    time.setRange(0, Math.max(1e-3, seconds.length == 0 ? 1 : seconds[seconds.length - 1]));
    NumberAxis percent = new NumberAxis();
    percent.setTickLabelFont(TICKS);
    percent.setRange(0, Math.max(1, max * 1.12));
    org.jfree.chart.renderer.xy.XYAreaRenderer renderer =
        new org.jfree.chart.renderer.xy.XYAreaRenderer();
    renderer.setSeriesPaint(0, BAR);
    org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(
        new org.jfree.data.xy.XYSeriesCollection(series), time, percent, renderer);
    for (double[] s : stretches) {
      org.jfree.chart.plot.IntervalMarker marker = new org.jfree.chart.plot.IntervalMarker(
          s[0], s[1], new Color(0xD9, 0x6C, 0x00, 0x40));
      plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    return render(new JFreeChart(null, null, plot, false));
  }

  /**
   * A bar chart of per-image values.
   *
   * @param numbers the image numbers, the bars' labels
   * @param values one value per image
   * @param upper the axis's upper end, or NaN to fit the values
   * @param format how the mean's label writes a number
   */
  static Picture bars(
      List<Integer> numbers, List<Double> values, double upper, DoubleFunction<String> format) {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int i = 0; i < values.size(); i++) {
      dataset.addValue(values.get(i), "value", Integer.toString(numbers.get(i)));
    }
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(TICKS);
    categories.setCategoryMargin(values.size() > 1 ? 0.25 : 0);
    categories.setLowerMargin(0.02);
    // Room right of the last bar for the mean's label.
    categories.setUpperMargin(0.08);
    // No words in the picture: the caption under it, from the template, says what it shows.
    NumberAxis axis = new NumberAxis();
    axis.setTickLabelFont(TICKS);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    axis.setRange(0, Double.isNaN(upper) ? Math.max(max * 1.12, 1e-6) : upper);

    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BAR);
    renderer.setMaximumBarWidth(0.08);

    CategoryPlot plot = new CategoryPlot(dataset, categories, axis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    ValueMarker marker = new ValueMarker(mean, MEAN, new BasicStroke(1.6f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    marker.setLabel(format.apply(mean));
    marker.setLabelFont(LABEL);
    marker.setLabelPaint(MEAN);
    marker.setLabelBackgroundColor(Color.WHITE);
    // The label sits inside the plot at its right edge: above the line, or below it when the
    // mean is near the top of the axis, where a label above would be cut off.
    double top = axis.getUpperBound();
    boolean nearTop = mean > 0.85 * top;
    marker.setLabelAnchor(nearTop ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(nearTop ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
    marker.setLabelOffset(new RectangleInsets(2, 2, 3, 2));
    plot.addRangeMarker(marker);

    return render(new JFreeChart(null, null, plot, false));
  }

  private static Picture render(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 4, 2, 8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, 2, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("chart rendering failed", e);
    }
    return Picture.png(out.toByteArray(), WIDTH * 2, HEIGHT * 2);
  }
}
