package org.polypseg.report;

import java.util.Locale;

/** The document formats a report is written in. */
public enum ReportFormat {
  PDF("pdf", "application/pdf"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final String extension;
  private final String mediaType;

  ReportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** File extension without the dot: "pdf" or "docx". */
  public String extension() {
    return extension;
  }

  /** The media type for a download or an HTTP answer. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The format named {@code name} ("pdf" or "docx", any case).
   *
   * @throws IllegalArgumentException naming the formats offered
   */
  public static ReportFormat parse(String name) {
    for (ReportFormat format : values()) {
      if (format.extension.equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '" + name + "'; use pdf or docx");
  }
}
