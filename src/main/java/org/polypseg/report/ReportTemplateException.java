package org.polypseg.report;

/** A report template that is missing or cannot be used; the message names the file and why. */
public class ReportTemplateException extends ReportException {
  public ReportTemplateException(String message) {
    super(message);
  }

  public ReportTemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
