package org.polypseg.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.polypseg.segment.CircuitExport.DiagramGate;

/**
 * Draws the variational circuit as an SVG picture, whatever its configuration: the encoding
 * (RY(x_i) or RX(x_i), again before every layer when re-uploaded), the trainable layers of RY(θ)
 * and RX(θ) with their CNOTs, and the measured terms (⟨Z⟩ on a wire, ⟨ZZ⟩ across two). Each
 * trained rotation shows its value in radians.
 */
public final class CircuitDiagram {

  private static final int COLUMN = 58;
  private static final int ROW = 54;
  private static final int LEFT = 46;
  private static final int TOP = 34;
  private static final int BOX = 38;

  private CircuitDiagram() {}

  /**
   * The SVG document of the original circuit layout (RY encoding, RY and RX per layer, the given
   * CNOTs, ⟨Z⟩ on every qubit).
   *
   * @param qubits n
   * @param layers L
   * @param pairs CNOT pairs {control, target} of one layer, in order
   * @param angles trained angles indexed {@code (layer * n + qubit) * 2 + k} (k = 0 RY, 1 RX), or
   *     an empty array to draw symbols only
   */
  public static String svg(int qubits, int layers, List<int[]> pairs, double[] angles) {
    List<DiagramGate> boxes = new ArrayList<>();
    for (int q = 0; q < qubits; q++) {
      boxes.add(new DiagramGate("RY", List.of(q), "x" + subscript(q), "encode"));
    }
    for (int layer = 0; layer < layers; layer++) {
      String group = "layer " + (layer + 1);
      for (int q = 0; q < qubits; q++) {
        for (int k = 0; k < 2; k++) {
          int index = (layer * qubits + q) * 2 + k;
          String value = angles.length > index
              ? String.format(Locale.ROOT, "%.2f", angles[index])
              : "θ" + subscript(index);
          boxes.add(new DiagramGate(k == 0 ? "RY" : "RX", List.of(q), value, group));
        }
      }
      for (int[] pair : pairs) {
        boxes.add(new DiagramGate("CX", List.of(pair[0], pair[1]), "", group));
      }
    }
    for (int q = 0; q < qubits; q++) {
      boxes.add(new DiagramGate("⟨Z⟩", List.of(q), "", "read out"));
    }
    return svg(qubits, boxes);
  }

  /**
   * The SVG document of any circuit: the boxes in order, each in the first column where its wires
   * (and the wires between them) are free, a new column block per group (encode, layer k, read
   * out) under a header.
   */
  public static String svg(int qubits, List<DiagramGate> boxes) {
    int[] columnOf = new int[boxes.size()];
    int[] nextFree = new int[qubits];
    int groupStart = 0;
    int used = 0;
    List<String> groups = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    String group = null;
    for (int b = 0; b < boxes.size(); b++) {
      DiagramGate box = boxes.get(b);
      if (!box.group().equals(group)) {
        if (group != null) {
          spans.add(new int[] {groupStart, used - groupStart});
        }
        group = box.group();
        groups.add(group);
        groupStart = used;
      }
      int lo = Collections.min(box.qubits());
      int hi = Collections.max(box.qubits());
      int column = groupStart;
      for (int q = lo; q <= hi; q++) {
        column = Math.max(column, nextFree[q]);
      }
      for (int q = lo; q <= hi; q++) {
        nextFree[q] = column + 1;
      }
      columnOf[b] = column;
      used = Math.max(used, column + 1);
    }
    if (group != null) {
      spans.add(new int[] {groupStart, used - groupStart});
    }
    int columns = Math.max(1, used);
    int width = LEFT + columns * COLUMN + 20;
    int height = TOP + qubits * ROW + 10;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
            + "font-family=\"system-ui, -apple-system, Segoe UI, Roboto, sans-serif\" role=\"img\">",
        width, height, width, height));
    long layers = groups.stream().filter(g -> g.startsWith("layer")).count();
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
    for (int g = 0; g < groups.size(); g++) {
      header(s, spans.get(g)[0], spans.get(g)[1], groups.get(g));
    }
    for (int b = 0; b < boxes.size(); b++) {
      DiagramGate box = boxes.get(b);
      int column = columnOf[b];
      switch (box.name()) {
        case "CX" -> cnot(s, column, box.qubits().get(0), box.qubits().get(1));
        case "⟨Z⟩", "⟨ZZ⟩" -> readout(s, column, box);
        default -> gate(s, column, box.qubits().get(0), box.name(), box.label(),
            box.label().startsWith("x") ? "#e8f1ff" : "#fff4e0",
            box.label().startsWith("x") ? "#1a66d6" : "#c77700");
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  private static void readout(StringBuilder s, int column, DiagramGate box) {
    if (box.qubits().size() == 1) {
      gate(s, column, box.qubits().get(0), box.name(), "", "#e9f8ef", "#16874a");
      return;
    }
    int cx = columnX(column);
    int top = wireY(Collections.min(box.qubits())) - BOX / 2;
    int bottom = wireY(Collections.max(box.qubits())) + BOX / 2;
    s.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#e9f8ef\" "
            + "stroke=\"#16874a\" stroke-width=\"1.4\"/>"
            + "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"600\" fill=\"#16874a\" "
            + "text-anchor=\"middle\" dominant-baseline=\"middle\">%s</text>",
        cx - BOX / 2, top, BOX, bottom - top, cx, (top + bottom) / 2, box.name()));
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
