package org.polypseg.web.api;

/** A request whose files or fields cannot be used; the message names the file and the reason. */
public class BadUploadException extends RuntimeException {

  private final String title;

  public BadUploadException(String title, String message) {
    super(message);
    this.title = title;
  }

  /** A short, fixed summary of the kind of problem, for the ProblemDetail title. */
  public String title() {
    return title;
  }
}
