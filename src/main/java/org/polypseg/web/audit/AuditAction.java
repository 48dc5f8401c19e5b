package org.polypseg.web.audit;

/** What was done with patient data (or to get at it), as the audit log names it. */
public enum AuditAction {
  /** An image segmented (page upload or {@code POST /api/segmentations}). */
  SEGMENT("segment"),
  /** A PDF or Word report made (page download or {@code POST /api/reports}). */
  REPORT("report"),
  /** A result saved from the page (mask or overlay PNG) or fetched from the API. */
  DOWNLOAD("download"),
  /** A video clip analysed. */
  VIDEO("video"),
  /** A sign-in attempt. */
  SIGN_IN("sign-in");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  /** The name written to the log. */
  public String label() {
    return label;
  }
}
