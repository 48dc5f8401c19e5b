package org.polypseg.report;

import java.util.List;

/**
 * Mean and sample standard deviation of a list of values.
 *
 * @param n how many values
 * @param mean their mean, NaN when n = 0
 * @param sd their sample standard deviation (n - 1 in the denominator), NaN when n &lt; 2
 */
record Stats(int n, double mean, double sd) {

  static Stats of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n == 1) {
      return new Stats(1, mean, Double.NaN);
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new Stats(n, mean, Math.sqrt(squares / (n - 1)));
  }
}
