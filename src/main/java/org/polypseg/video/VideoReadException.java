package org.polypseg.video;

/**
 * A user's file that cannot be used as a clip; the message names the file and the reason.
 * {@link #overSizeLimit()} tells a file too large to accept (HTTP 413) from every other problem.
 */
public class VideoReadException extends Exception {

  private final boolean overSizeLimit;

  public VideoReadException(String message) {
    this(message, false);
  }

  public VideoReadException(String message, boolean overSizeLimit) {
    super(message);
    this.overSizeLimit = overSizeLimit;
  }

  /** True when the file is larger than the configured size limit. */
  public boolean overSizeLimit() {
    return overSizeLimit;
  }
}
