package org.polypseg.study;

/**
 * No such study, frame or mask for this user: also what a user who is not in a study hears, so
 * that the answer does not tell which studies exist (HTTP 404).
 */
public final class StudyNotFoundException extends StudyException {
  public StudyNotFoundException(String message) {
    super(message);
  }

  @Override
  public String outcome() {
    return "not-found";
  }
}
