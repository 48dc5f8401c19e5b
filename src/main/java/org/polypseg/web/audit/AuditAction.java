package org.polypseg.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/** What was done with patient data (or to get at it), as the audit log names it. */
public enum AuditAction {
  /**
   * An image segmented (page upload, {@code POST /api/segmentations} or
   * {@code /api/segmentations/figures}).
   */
  SEGMENT("segment"),
  /** A PDF or Word report made (page download or {@code POST /api/reports}). */
  REPORT("report"),
  /** A result saved from the page (mask or overlay PNG) or fetched from the API. */
  DOWNLOAD("download"),
  /** A video clip analysed. */
  VIDEO("video"),
  /** A sign-in attempt. */
  SIGN_IN("sign-in"),
  /**
   * An action on an annotation study (the item says which: {@code save-mask study-3 frame-17});
   * recorded by the study service itself, allowed or refused.
   */
  STUDY("study");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  /** The name written to the log. */
  public String label() {
    return label;
  }

  /**
   * What an API request does, by its method and its path below the context path; empty for those
   * that touch no patient data (a clip's status, the API description).
   */
  public static Optional<AuditAction> ofApiRequest(HttpServletRequest request) {
    String m = request.getMethod().toUpperCase(Locale.ROOT);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // Segmented too: the figures of several images as CSV or JSON.
    if (m.equals("POST") && (path.equals("/api/segmentations")
        || path.equals("/api/segmentations/figures"))) {
      return Optional.of(SEGMENT);
    }
    if (m.equals("POST") && path.equals("/api/reports")) {
      return Optional.of(REPORT);
    }
    if (m.equals("POST") && path.equals("/api/videos")) {
      return Optional.of(VIDEO);
    }
    // A clip's results: per-frame figures, the annotated video, its report.
    if (m.equals("GET") && path.matches("/api/videos/[^/]+/.+")) {
      return Optional.of(DOWNLOAD);
    }
    return Optional.empty();
  }
}
