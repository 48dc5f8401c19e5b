package org.polypseg.video;

/** A frame could not be segmented (server busy past every retry, the model failed). */
public class FrameInferenceException extends RuntimeException {
  public FrameInferenceException(String message) {
    super(message);
  }
}
