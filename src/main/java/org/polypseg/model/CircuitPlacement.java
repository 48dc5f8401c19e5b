package org.polypseg.model;

/**
 * Where a network's circuits sit: only at the bottleneck, or also gating every decoder stage so
 * that circuits alternate with the decoder's convolutions (as the hybrid method stacks them).
 */
public enum CircuitPlacement {
  /** One circuit, gating the bottleneck's channels (every model saved before placement existed). */
  BOTTLENECK("bottleneck"),
  /**
   * The bottleneck's circuit and one more after each decoder stage, each with its own trained
   * weights, re-scaling that stage's output channels.
   */
  DECODER("decoder");

  private final String label;

  CircuitPlacement(String label) {
    this.label = label;
  }

  /** The name used in model.json, on the command line and in messages. */
  public String label() {
    return label;
  }

  /**
   * The placement named {@code label}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static CircuitPlacement parse(String label) {
    for (CircuitPlacement p : values()) {
      if (p.label.equalsIgnoreCase(String.valueOf(label).trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown placement '" + label + "' (allowed: bottleneck, decoder)");
  }
}
