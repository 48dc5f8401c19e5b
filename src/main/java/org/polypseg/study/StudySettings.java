package org.polypseg.study;

import java.util.Locale;

/**
 * What the owner chooses for a study.
 *
 * @param title shown to its members, 1..200 characters (no patient data, please)
 * @param startFrom where annotators start each frame: the model's mask or a blank one
 * @param blind true (the default): annotators cannot see each other's masks
 */
public record StudySettings(String title, StartFrom startFrom, boolean blind) {

  /** Where an annotator's mask starts. */
  public enum StartFrom {
    /** An empty mask. */
    BLANK,
    /** The model's mask at threshold 0.5, as the segmentation page shows it. */
    MODEL;

    /** As stored and sent: {@code blank}, {@code model}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code blank} or {@code model}. */
    public static StartFrom parse(String text) {
      for (StartFrom s : values()) {
        if (s.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
          return s;
        }
      }
      throw new StudyInputException("start from '" + text + "': must be blank or model");
    }
  }

  public StudySettings {
    if (title == null || title.isBlank()) {
      throw new StudyInputException("a study needs a title");
    }
    title = title.strip();
    if (title.length() > 200) {
      throw new StudyInputException("the title is " + title.length()
          + " characters long; at most 200");
    }
    if (startFrom == null) {
      startFrom = StartFrom.BLANK;
    }
  }
}
