package org.polypseg.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What running the circuit with shots or noise costs a model, from a folder of {@code evaluate}
 * results named {@code <run>-<set>.json} (as {@code scripts/circuit-cost.sh} writes them): one
 * run must be {@code exact}. Each run's mDice per test set, and its difference from the exact
 * run with the standard error of that difference paired over the same images (mDice is the mean
 * of the images' threshold-averaged Dice, so the paired per-image differences give it).
 *
 * @param sets the test sets in column order (file suffixes, e.g. "kvasir", "cvc")
 * @param rows one per run: exact first, then by decreasing shots, then by increasing noise
 */
public record CircuitCost(List<String> sets, List<Row> rows) {

  public static final String EXACT = "exact";
  public static final String TABLE_FILE = "summary.md";
  public static final String CHART_FILE = "circuit-cost.png";

  private static final Pattern FILE = Pattern.compile("(.+)-([a-z0-9]+)\\.json");

  /**
   * One way of running the circuit.
   *
   * @param run the run's name, e.g. "shots-1024" or "depol-0.01"
   * @param mDice per set, in {@link #sets()} order
   * @param delta mDice minus the exact run's, per set
   * @param deltaSe standard error of {@code delta} over the set's images (paired), per set
   */
  public record Row(String run, double[] mDice, double[] delta, double[] deltaSe) {}

  /**
   * Reads the folder.
   *
   * @throws IllegalArgumentException naming the folder when it has no exact run, or a run lacks a
   *     set, or the runs scored different images
   */
  public static CircuitCost read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is not a folder of evaluate results");
    }
    JsonMapper json = JsonMapper.builder().build();
    Map<String, Map<String, JsonNode>> byRun = new LinkedHashMap<>();
    TreeSet<String> sets = new TreeSet<>(Comparator.reverseOrder());
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          JsonNode node = json.readTree(file.toFile());
          if (node.has("mDice") && node.has("perImage")) {
            byRun.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), node);
            sets.add(m.group(2));
          }
        }
      }
    }
    if (!byRun.containsKey(EXACT)) {
      throw new IllegalArgumentException(folder + " has no exact run (" + EXACT
          + "-<set>.json): the differences are measured from it");
    }
    List<String> setList = List.copyOf(sets);
    List<String> runs = new ArrayList<>(byRun.keySet());
    runs.sort(Comparator.comparingInt(CircuitCost::kind).thenComparingDouble(CircuitCost::strength)
        .thenComparing(Comparator.naturalOrder()));
    List<Row> rows = new ArrayList<>();
    for (String run : runs) {
      double[] mDice = new double[setList.size()];
      double[] delta = new double[setList.size()];
      double[] se = new double[setList.size()];
      for (int s = 0; s < setList.size(); s++) {
        JsonNode result = byRun.get(run).get(setList.get(s));
        JsonNode exact = byRun.get(EXACT).get(setList.get(s));
        if (result == null || exact == null) {
          throw new IllegalArgumentException(folder + ": run '" + run + "' or the exact run has no "
              + setList.get(s) + " result (" + run + "-" + setList.get(s) + ".json)");
        }
        mDice[s] = result.get("mDice").asDouble();
        double[] paired = pairedDifference(result.get("perImage"), exact.get("perImage"),
            folder.resolve(run + "-" + setList.get(s) + ".json"));
        delta[s] = mDice[s] - exact.get("mDice").asDouble();
        se[s] = paired[1];
      }
      rows.add(new Row(run, mDice, delta, se));
    }
    return new CircuitCost(setList, List.copyOf(rows));
  }

  /** {mean, standard error} of the per-image Dice differences. */
  private static double[] pairedDifference(JsonNode run, JsonNode exact, Path file) {
    Map<String, Double> base = new LinkedHashMap<>();
    for (JsonNode image : exact) {
      base.put(image.get("name").asString(), image.get("dice").asDouble());
    }
    if (run.size() != base.size()) {
      throw new IllegalArgumentException(file + " scored " + run.size() + " images, the exact run "
          + base.size() + ": compare runs on the same images");
    }
    double[] d = new double[run.size()];
    int i = 0;
    for (JsonNode image : run) {
      Double b = base.get(image.get("name").asString());
      if (b == null) {
        throw new IllegalArgumentException(file + " has image " + image.get("name").asString()
            + " that the exact run lacks: compare runs on the same images");
      }
      d[i++] = image.get("dice").asDouble() - b;
    }
    double mean = 0;
    for (double v : d) {
      mean += v / d.length;
    }
    double ss = 0;
    for (double v : d) {
      ss += (v - mean) * (v - mean);
    }
    double sd = d.length > 1 ? Math.sqrt(ss / (d.length - 1)) : 0;
    return new double[] {mean, sd / Math.sqrt(d.length)};
  }

  // exact, shots, noise, read-out, anything else (e.g. a device-like combination)
  private static int kind(String run) {
    if (run.equals(EXACT)) {
      return 0;
    }
    if (run.startsWith("shots-")) {
      return 1;
    }
    if (run.startsWith("depol-") && !run.contains("+") && !run.contains("readout")) {
      return 2;
    }
    return run.startsWith("readout-") ? 3 : 4;
  }

  // more shots first; weaker noise first
  private static double strength(String run) {
    Matcher m = Pattern.compile("^[a-z]+-([0-9.]+)").matcher(run);
    if (!m.find()) {
      return 0;
    }
    double v = Double.parseDouble(m.group(1).replaceAll("\\.$", ""));
    return run.startsWith("shots-") ? -v : v;
  }

  /** The table in Markdown: mDice per set and Δ ± paired SE against the exact circuit. */
  public String markdown() {
    StringBuilder s = new StringBuilder("| circuit run as |");
    for (String set : sets) {
      s.append(' ').append(setName(set)).append(" mDice |");
    }
    for (String set : sets) {
      s.append(" Δ ").append(setName(set)).append(" (± SE) |");
    }
    s.append("\n|---|").append("---:|".repeat(2 * sets.size())).append('\n');
    for (Row row : rows) {
      s.append("| ").append(row.run()).append(" |");
      for (double v : row.mDice()) {
        s.append(String.format(Locale.ROOT, " %.4f |", v));
      }
      for (int i = 0; i < sets.size(); i++) {
        s.append(row.run().equals(EXACT) ? " — |"
            : String.format(Locale.ROOT, " %+.4f ± %.4f |", row.delta()[i], row.deltaSe()[i]));
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Bars of mDice per run and set, the axis zoomed to where the bars differ. */
  public void writeChart(Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double lo = 1;
    double hi = 0;
    for (Row row : rows) {
      for (int i = 0; i < sets.size(); i++) {
        data.addValue(row.mDice()[i], setName(sets.get(i)), row.run());
        lo = Math.min(lo, row.mDice()[i]);
        hi = Math.max(hi, row.mDice()[i]);
      }
    }
    CategoryAxis runs = new CategoryAxis("circuit run as");
    runs.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    NumberAxis dice = new NumberAxis("mDice (PraNet protocol)");
    // Zoomed: the differences are small, and bars from 0 would hide them.
    dice.setRange(Math.max(0, lo - 0.02), Math.min(1, hi + 0.01));
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    CategoryPlot plot = new CategoryPlot(data, runs, dice, bars);
    JFreeChart chart = new JFreeChart("What shots and noise cost the model",
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 520);
  }

  private static String setName(String set) {
    return switch (set) {
      case "kvasir" -> "Kvasir";
      case "cvc" -> "CVC-ClinicDB";
      default -> set;
    };
  }
}
