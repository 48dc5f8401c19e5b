package org.polypseg.model;

/** A model folder that is missing, incomplete or corrupt; the message names the path. */
public class ModelLoadException extends Exception {
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
