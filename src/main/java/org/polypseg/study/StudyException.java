package org.polypseg.study;

/**
 * A study action that cannot be done, with a message for the user naming what is wrong; the API
 * turns each kind into its HTTP status, the page into a notification.
 */
public abstract sealed class StudyException extends RuntimeException
    permits StudyNotFoundException, StudyAccessDeniedException, MaskConflictException,
        StudyInputException, StudiesUnavailableException {

  protected StudyException(String message) {
    super(message);
  }

  protected StudyException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The audit log's outcome for this failure. */
  public abstract String outcome();
}
