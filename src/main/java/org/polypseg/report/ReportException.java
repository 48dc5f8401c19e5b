package org.polypseg.report;

/**
 * A report cannot be made because of a file it reads (a template, or the model's
 * {@code metrics.json}): the message names the file and the reason. A configuration mistake, not a
 * programming error: the command line prints it (exit code 2) and the web layer answers with it.
 */
public class ReportException extends RuntimeException {
  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
