package org.polypseg.quantum;

/** How the n input angles enter the circuit, one per qubit. */
public enum Encoding implements Labelled {
  /** RY(x_i) on qubit i, once, before the first layer (the original circuit). */
  RY("ry"),
  /** RX(x_i) on qubit i, once, before the first layer. */
  RX("rx"),
  /**
   * Data re-uploading (Pérez-Salinas et al. 2020): RY(x_i) on qubit i before every trainable layer,
   * so each input angle enters L gates and the circuit is a higher-degree Fourier series in it.
   */
  REUPLOAD("reupload");

  private final String label;

  Encoding(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /**
   * The encoding named {@code label}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Encoding parse(String label) {
    return Labelled.parse(values(), label, "encoding");
  }
}
