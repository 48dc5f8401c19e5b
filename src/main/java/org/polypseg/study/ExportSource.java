package org.polypseg.study;

import java.util.Locale;

/** Which mask of each frame an export writes to {@code masks/}. */
public enum ExportSource {
  /** The STAPLE consensus of the annotators (frames every annotator saved). */
  STAPLE,
  /** The majority vote of the annotators (a tie is background). */
  MAJORITY,
  /** The owner's adjudicated reference where there is one, the STAPLE consensus elsewhere. */
  ADJUDICATED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code staple}, {@code majority} or {@code adjudicated}. */
  public static ExportSource parse(String text) {
    for (ExportSource s : values()) {
      if (s.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return s;
      }
    }
    throw new StudyInputException("masks '" + text + "': must be staple, majority or adjudicated");
  }
}
