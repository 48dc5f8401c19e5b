package org.polypseg.model;

import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * One circuit of a network and where it sits.
 *
 * @param index its number: 0 the bottleneck's, then 1, 2, … the decoder stages' from the deepest
 *     (what {@code circuit --circuit N} and the API's {@code circuit} parameter name)
 * @param site where it sits, for people, e.g. "bottleneck" or "decoder stage 1 (1/16 of the
 *     input, 64 channels)"
 * @param block the circuit, with its own trained weights
 */
public record PlacedCircuit(int index, String site, QuantumCircuitBlock block) {

  public static final String BOTTLENECK = "bottleneck";
}
