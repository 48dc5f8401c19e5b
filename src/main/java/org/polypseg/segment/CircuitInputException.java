package org.polypseg.segment;

/** A request for the circuit that cannot be met (wrong angle count, no circuit): the user's mistake. */
public class CircuitInputException extends RuntimeException {
  public CircuitInputException(String message) {
    super(message);
  }
}
