package org.polypseg.report;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What one report is about: one image (a one-image report) or several (a batch report), and the
 * files of the batch that could not be analysed.
 *
 * <p>No patient data is asked for or stored: the only free text is a short case label that the
 * user chooses (e.g. "study 12, frame set B").
 *
 * @param caseLabel short label chosen by the user, or null; at most {@link #MAX_CASE_LABEL}
 *     characters, no control characters
 * @param items the analysed images, in the order the report lists them; at least one
 * @param createdAt date and time printed on the report, in the reader's time zone (the report
 *     names the zone)
 * @param failures files of the batch that could not be analysed, listed as such in the report
 */
public record ReportRequest(String caseLabel, List<ReportItem> items, ZonedDateTime createdAt,
    List<Failure> failures) {

  /** Longest case label accepted, characters. */
  public static final int MAX_CASE_LABEL = 100;

  /**
   * A file that was meant for the report but could not be analysed.
   *
   * @param name the file's name as the user knows it
   * @param reason why, in a sentence (e.g. "not an image: PNG, JPEG, TIFF or BMP expected")
   */
  public record Failure(String name, String reason) {
    public Failure {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a failed file needs its name");
      }
      reason = reason == null || reason.isBlank() ? "could not be analysed" : reason.strip();
    }
  }

  /** @throws IllegalArgumentException on an empty item list or an unacceptable case label */
  public ReportRequest {
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one image");
    }
    items = List.copyOf(items);
    failures = failures == null ? List.of() : List.copyOf(failures);
    caseLabel = checkCaseLabel(caseLabel);
    if (createdAt == null) {
      createdAt = ZonedDateTime.now();
    }
  }

  /** A report without failed files. */
  public ReportRequest(String caseLabel, List<ReportItem> items, ZonedDateTime createdAt) {
    this(caseLabel, items, createdAt, List.of());
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

  /**
   * A request created now, dated in {@code zone} (the reader's: the browser's, or the API's
   * {@code timeZone} parameter), with the files that could not be analysed.
   */
  public static ReportRequest of(String caseLabel, List<ReportItem> items, ZoneId zone,
      List<Failure> failures) {
    return new ReportRequest(caseLabel, items, ZonedDateTime.now(zone), failures);
  }

  /** True for a report on more than one file (with a batch summary), failed ones included. */
  public boolean isBatch() {
    return items.size() + failures.size() > 1;
  }
}
