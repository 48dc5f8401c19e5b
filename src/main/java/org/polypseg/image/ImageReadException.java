package org.polypseg.image;

/** A user's file that cannot be used as an image; the message names the file and the reason. */
public class ImageReadException extends Exception {
  public ImageReadException(String message) {
    super(message);
  }

  public ImageReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
