package org.polypseg.video;

import java.util.Locale;

/** Where a clip's analysis stands. */
public enum VideoJobStatus {
  QUEUED, RUNNING, DONE, FAILED, CANCELLED;

  /** The name the API uses: {@code queued}, {@code running}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
