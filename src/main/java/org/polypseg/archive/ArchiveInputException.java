package org.polypseg.archive;

/** A mistake in what the user asked the archive job to do; the message names the path and why. */
public class ArchiveInputException extends RuntimeException {
  public ArchiveInputException(String message) {
    super(message);
  }
}
