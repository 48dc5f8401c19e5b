package org.polypseg.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes the per-epoch figures as CSV and as a PNG chart (loss and validation Dice per epoch). */
public final class TrainingCurves {

  static final String HEADER = "epoch,train_loss,val_dice,learning_rate,seconds,quantum_seconds";

  private TrainingCurves() {}

  public static void writeCsv(List<EpochRecord> rows, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (EpochRecord r : rows) {
      lines.add(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.6g,%.2f,%.2f", r.epoch(), r.trainLoss(),
          r.validationDice(), r.learningRate(), r.seconds(), r.quantumSeconds()));
    }
    Files.write(file, lines);
  }

  public static List<EpochRecord> readCsv(Path file) throws IOException {
    List<EpochRecord> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("epoch")) {
        continue;
      }
      String[] f = line.split(",");
      rows.add(new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]),
          Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[5])));
    }
    return rows;
  }

  public static void writeChart(List<EpochRecord> rows, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeries loss = new XYSeries("training loss (Dice + BCE)");
    XYSeries dice = new XYSeries("validation Dice @0.5");
    for (EpochRecord r : rows) {
      loss.add(r.epoch(), r.trainLoss());
      dice.add(r.epoch(), r.validationDice());
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(new NumberAxis("epoch"));
    plot.setDataset(0, new XYSeriesCollection(loss));
    plot.setRangeAxis(0, new NumberAxis("loss"));
    plot.setRenderer(0, new XYLineAndShapeRenderer(true, true));
    plot.setDataset(1, new XYSeriesCollection(dice));
    NumberAxis diceAxis = new NumberAxis("Dice");
    diceAxis.setRange(0, 1);
    plot.setRangeAxis(1, diceAxis);
    plot.mapDatasetToRangeAxis(1, 1);
    XYLineAndShapeRenderer diceRenderer = new XYLineAndShapeRenderer(true, true);
    diceRenderer.setSeriesPaint(0, new java.awt.Color(0, 120, 60));
    plot.setRenderer(1, diceRenderer);
    JFreeChart chart = new JFreeChart("Training curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
  }
}
