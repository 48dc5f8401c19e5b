package org.polypseg.web.api;

/** A file over the per-file limit: a 413 whose message names the file and the limit. */
public class UploadTooLargeException extends RuntimeException {
  public UploadTooLargeException(String message) {
    super(message);
  }
}
