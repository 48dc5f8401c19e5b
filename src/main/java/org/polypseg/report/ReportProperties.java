package org.polypseg.report;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web application's report settings, under {@code polypseg.reports.*} in
 * {@code application.yaml} (or {@code --polypseg.reports.docx-template=...}).
 *
 * @param docxTemplate the Word template to use, or unset for {@code reports/templates/report.docx}
 *     (beside the working directory, else the copy in the jar)
 * @param pdfTemplate the report texts file (both formats' wording, and the PDF's fonts and
 *     colour) to use, or unset for {@code reports/templates/pdf-template.properties}
 * @param clinic the clinic's or laboratory's name and address printed at the top of every page,
 *     or unset for the program's own name
 */
@ConfigurationProperties("polypseg.reports")
public record ReportProperties(Path docxTemplate, Path pdfTemplate, Clinic clinic) {

  /**
   * The letterhead: {@code polypseg.reports.clinic.name} and {@code .address} (a list of lines).
   *
   * @param name e.g. "St Elsewhere Endoscopy Unit"; blank for none
   * @param address e.g. ["12 High Street", "Springfield"]; may be empty
   */
  public record Clinic(String name, List<String> address) {
    public Clinic {
      name = name == null ? "" : name.strip();
      address = address == null ? List.of()
          : address.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** No clinic configured. */
    public static final Clinic NONE = new Clinic("", List.of());

    /** True when neither a name nor an address line is set. */
    public boolean isEmpty() {
      return name.isEmpty() && address.isEmpty();
    }
  }
}
