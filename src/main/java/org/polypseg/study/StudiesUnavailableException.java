package org.polypseg.study;

/**
 * Studies are off: the database could not be reached or migrated at start-up (or studies are
 * disabled). The message names the database and the reason; the rest of the app works (HTTP 503).
 */
public final class StudiesUnavailableException extends StudyException {
  public StudiesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String outcome() {
    return "unavailable";
  }
}
