package org.polypseg.study;

/**
 * A save that started from an older version of the annotator's mask than the one kept (the same
 * person saving from two tabs): nothing is overwritten (HTTP 409).
 *
 * @see #currentVersion()
 */
public final class MaskConflictException extends StudyException {

  private final int currentVersion;

  public MaskConflictException(String message, int currentVersion) {
    super(message);
    this.currentVersion = currentVersion;
  }

  /** The version kept now (0 when none). */
  public int currentVersion() {
    return currentVersion;
  }

  @Override
  public String outcome() {
    return "conflict";
  }
}
