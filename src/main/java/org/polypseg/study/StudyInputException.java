package org.polypseg.study;

/**
 * A user's mistake: a bad frame or mask, a redaction not confirmed, an agreement asked of one
 * annotator, an export of an empty study (HTTP 400).
 */
public final class StudyInputException extends StudyException {
  public StudyInputException(String message) {
    super(message);
  }

  @Override
  public String outcome() {
    return "rejected";
  }
}
