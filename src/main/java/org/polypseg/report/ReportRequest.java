package org.polypseg.report;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What one report is about: one image (a one-image report) or several (a batch report).
 *
 * <p>No patient data is asked for or stored: the only free text is a short case label that the
 * user chooses (e.g. "study 12, frame set B").
 *
 * @param caseLabel short label chosen by the user, or null; at most {@link #MAX_CASE_LABEL}
 *     characters, no control characters
 * @param items the analysed images, in the order the report lists them; at least one
 * @param createdAt date and time printed on the report, with its zone
 */
public record ReportRequest(String caseLabel, List<ReportItem> items, ZonedDateTime createdAt) {

  /** Longest case label accepted, characters. */
  public static final int MAX_CASE_LABEL = 100;

  /** @throws IllegalArgumentException on an empty item list or an unacceptable case label */
  public ReportRequest {
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one image");
    }
    items = List.copyOf(items);
    caseLabel = checkCaseLabel(caseLabel);
    if (createdAt == null) {
      createdAt = ZonedDateTime.now();
    }
  }

  /**
   * A case label as a report prints it: stripped, null when blank.
   *
   * @throws IllegalArgumentException when it is too long or holds control characters
   */
  public static String checkCaseLabel(String caseLabel) {
    if (caseLabel == null || caseLabel.isBlank()) {
      return null;
    }
    String label = caseLabel.strip();
    if (label.length() > MAX_CASE_LABEL) {
      throw new IllegalArgumentException(
          "the case label is longer than " + MAX_CASE_LABEL + " characters");
    }
    if (label.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the case label contains control characters");
    }
    return label;
  }

  /** A request created now, in the system's time zone. */
  public static ReportRequest of(String caseLabel, List<ReportItem> items) {
    return new ReportRequest(caseLabel, items, ZonedDateTime.now());
  }

  /** True for a report on more than one image (with a batch summary). */
  public boolean isBatch() {
    return items.size() > 1;
  }
}
