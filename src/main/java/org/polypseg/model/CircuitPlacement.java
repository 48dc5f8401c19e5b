package org.polypseg.model;

import java.util.Locale;
import org.polypseg.quantum.Labelled;

/**
 * Where a network's circuits sit: only at the bottleneck, or also gating every decoder stage so
 * that circuits alternate with the decoder's convolutions (as the hybrid method stacks them).
 */
public enum CircuitPlacement implements Labelled {
  /** One circuit, gating the bottleneck's channels (every model saved before placement existed). */
  BOTTLENECK,
  /**
   * The bottleneck's circuit and one more after each decoder stage, each with its own trained
   * weights, re-scaling that stage's output channels.
   */
  DECODER;

  /** The constant's name in lower case: "bottleneck", "decoder". */
  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The placement named {@code label}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static CircuitPlacement parse(String label) {
    return Labelled.parse(values(), label, "placement");
  }
}
