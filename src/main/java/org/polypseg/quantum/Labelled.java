package org.polypseg.quantum;

import java.util.Arrays;

/**
 * A choice named the same in model.json, on the command line and in messages: an entangler, an
 * encoding, the observables, a circuit's placement.
 */
public interface Labelled {

  /** The name used in model.json, on the command line and in messages. */
  String label();

  /**
   * The one of {@code choices} named {@code label}, ignoring case and surrounding blanks.
   *
   * @param what what is chosen, for the message, e.g. "entangler"
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  static <E extends Labelled> E parse(E[] choices, String label, String what) {
    for (E choice : choices) {
      if (choice.label().equalsIgnoreCase(String.valueOf(label).trim())) {
        return choice;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + label + "' (allowed: "
        + String.join(", ", Arrays.stream(choices).map(Labelled::label).toList()) + ")");
  }
}
