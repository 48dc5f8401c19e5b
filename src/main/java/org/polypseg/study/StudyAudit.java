package org.polypseg.study;

/**
 * Where every study action goes, for the audit log (implemented by the web layer over its audit
 * log, so that this package needs nothing of it). Holds no patient data: studies and frames by
 * number, never a file name or a pixel.
 */
@FunctionalInterface
public interface StudyAudit {

  /** Nothing recorded: tests and the benchmark. */
  StudyAudit NONE = event -> {};

  /** Records one action. */
  void record(Event event);

  /**
   * One study action.
   *
   * @param user who acted (null when not signed in)
   * @param action what, e.g. {@code create}, {@code add-frame}, {@code save-mask}, {@code export}
   * @param studyId the study, or null (listing, creating before an id exists)
   * @param frameId the frame, or null
   * @param outcome {@code ok}, {@code not-found}, {@code denied}, {@code conflict},
   *     {@code rejected}, {@code unavailable} or {@code failed}
   * @param durationMs how long it took, milliseconds
   */
  record Event(String user, String action, Long studyId, Long frameId, String outcome,
      long durationMs) {

    /** {@code save-mask study-3 frame-17}: what the audit log names as the item. */
    public String item() {
      return action + (studyId == null ? "" : " study-" + studyId)
          + (frameId == null ? "" : " frame-" + frameId);
    }
  }
}
