package org.polypseg.study;

import java.util.Locale;

/** What a member does in a study. */
public enum StudyRole {
  /** Made the study: adds frames and annotators, sees every mask, adjudicates, exports, deletes. */
  OWNER,
  /** Annotates the frames in their queue. */
  ANNOTATOR;

  /** As stored and sent: {@code owner}, {@code annotator}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StudyRole of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
