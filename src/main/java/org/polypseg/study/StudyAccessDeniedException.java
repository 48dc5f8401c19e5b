package org.polypseg.study;

/**
 * A member of the study asked for what their role does not allow: an annotator of a blind study
 * for another's mask, an annotator for the owner's work, anyone without a login (HTTP 403).
 */
public final class StudyAccessDeniedException extends StudyException {
  public StudyAccessDeniedException(String message) {
    super(message);
  }

  @Override
  public String outcome() {
    return "denied";
  }
}
