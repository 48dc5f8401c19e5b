package org.polypseg.web;

import java.util.List;
import java.util.Locale;

/**
 * Draws the variational circuit as an SVG picture: the angle encoding RY(x_i), {@code layers}
 * entangling layers of RY(θ) and RX(θ) on every qubit followed by the CNOT ring, and the read-out
 * ⟨Z_i⟩. When trained angles are given, each rotation shows its value in radians.
 */
public final class CircuitDiagram {

  private static final int COLUMN = 58;
  private static final int ROW = 54;
  private static final int LEFT = 46;
  private static final int TOP = 34;
  private static final int BOX = 38;

  private CircuitDiagram() {}

  /**
   * The SVG document.
   *
   * @param qubits n
   * @param layers L
   * @param pairs CNOT pairs {control, target} of one layer, in order
   * @param angles trained angles indexed {@code (layer * n + qubit) * 2 + k} (k = 0 RY, 1 RX), or
   *     an empty array to draw symbols only
   */
  public static String svg(int qubits, int layers, List<int[]> pairs, double[] angles) {
    int columns = 1 + layers * (2 + pairs.size()) + 1;
    int width = LEFT + columns * COLUMN + 20;
    int height = TOP + qubits * ROW + 10;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
            + "font-family=\"system-ui, -apple-system, Segoe UI, Roboto, sans-serif\" role=\"img\">",
        width, height, width, height));
    s.append("<title>Variational circuit: ").append(qubits).append(" qubits, ").append(layers)
        .append(" layers</title>");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    for (int q = 0; q < qubits; q++) {
      int y = wireY(q);
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9aa5b1\" stroke-width=\"1.5\"/>",
          LEFT - 6, y, width - 14, y));
      s.append(String.format(Locale.ROOT,
          "<text x=\"8\" y=\"%d\" font-size=\"13\" fill=\"#334\" dominant-baseline=\"middle\">q%d</text>",
          y, q));
    }
    int column = 0;
    // Encoding.
    header(s, column, 1, "encode");
    for (int q = 0; q < qubits; q++) {
      gate(s, column, q, "RY", "x" + subscript(q), "#e8f1ff", "#1a66d6");
    }
    column++;
    for (int layer = 0; layer < layers; layer++) {
      header(s, column, 2 + pairs.size(), "layer " + (layer + 1));
      for (int k = 0; k < 2; k++) {
        for (int q = 0; q < qubits; q++) {
          int index = (layer * qubits + q) * 2 + k;
          String value = angles.length > index
              ? String.format(Locale.ROOT, "%.2f", angles[index])
              : "θ" + subscript(index);
          gate(s, column, q, k == 0 ? "RY" : "RX", value, "#fff4e0", "#c77700");
        }
        column++;
      }
      for (int[] pair : pairs) {
        cnot(s, column, pair[0], pair[1]);
        column++;
      }
    }
    header(s, column, 1, "read out");
    for (int q = 0; q < qubits; q++) {
      gate(s, column, q, "⟨Z⟩", "", "#e9f8ef", "#16874a");
    }
    s.append("</svg>");
    return s.toString();
  }

  private static int wireY(int q) {
    return TOP + q * ROW + ROW / 2;
  }

  private static int columnX(int column) {
    return LEFT + column * COLUMN + COLUMN / 2;
  }

  private static void header(StringBuilder s, int column, int span, String text) {
    int x0 = LEFT + column * COLUMN + 4;
    int x1 = LEFT + (column + span) * COLUMN - 4;
    s.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"16\" x2=\"%d\" y2=\"16\" stroke=\"#c7ced6\" stroke-width=\"1\"/>"
            + "<text x=\"%d\" y=\"11\" font-size=\"11\" fill=\"#5b6775\" text-anchor=\"middle\">%s</text>",
        x0, x1, (x0 + x1) / 2, text));
  }

  private static void gate(StringBuilder s, int column, int q, String name, String value,
      String fill, String stroke) {
    int cx = columnX(column);
    int cy = wireY(q);
    s.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" "
            + "stroke-width=\"1.4\"/>",
        cx - BOX / 2, cy - BOX / 2, BOX, BOX, fill, stroke));
    if (value.isEmpty()) {
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"600\" fill=\"%s\" "
              + "text-anchor=\"middle\" dominant-baseline=\"middle\">%s</text>",
          cx, cy + 1, stroke, name));
    } else {
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"600\" fill=\"%s\" "
              + "text-anchor=\"middle\">%s</text>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#334\" text-anchor=\"middle\">%s</text>",
          cx, cy - 3, stroke, name, cx, cy + 12, value));
    }
  }

  private static void cnot(StringBuilder s, int column, int control, int target) {
    int x = columnX(column);
    int yc = wireY(control);
    int yt = wireY(target);
    s.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#6b2fb3\" stroke-width=\"1.6\"/>"
            + "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#6b2fb3\"/>"
            + "<circle cx=\"%d\" cy=\"%d\" r=\"11\" fill=\"#ffffff\" stroke=\"#6b2fb3\" stroke-width=\"1.6\"/>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#6b2fb3\" stroke-width=\"1.6\"/>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#6b2fb3\" stroke-width=\"1.6\"/>",
        x, yc, x, yt, x, yc, x, yt, x - 11, yt, x + 11, yt, x, yt - 11, x, yt + 11));
  }

  private static String subscript(int n) {
    StringBuilder out = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      out.append((char) ('₀' + (c - '0')));
    }
    return out.toString();
  }
}
