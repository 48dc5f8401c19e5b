package org.polypseg.model.mobilenet;

import java.nio.file.Path;

/**
 * A pretrained-weights file that is missing, unreadable, truncated, not a TFLite file, or the
 * weights of another network. The message names the path, what is wrong, and which file was
 * expected, so that a user can tell at once which download to fetch.
 */
public class PretrainedWeightsException extends Exception {

  /** What every message ends with: the one file this project reads. */
  static final String EXPECTED = "expected " + PretrainedWeights.EXPECTED_FILE
      + " from google-coral/test_data";

  PretrainedWeightsException(Path file, String reason) {
    this(file, reason, null);
  }

  PretrainedWeightsException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason + "; " + EXPECTED, cause);
  }
}
