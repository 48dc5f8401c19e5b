package org.polypseg.web.api;

/** The clip's analysis has not finished (or failed), so the asked-for result is not there: a 409. */
public class VideoNotReadyException extends RuntimeException {
  public VideoNotReadyException(String message) {
    super(message);
  }
}
