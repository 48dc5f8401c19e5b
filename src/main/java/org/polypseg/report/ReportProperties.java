package org.polypseg.report;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web application's report settings, under {@code polypseg.reports.*} in
 * {@code application.yaml} (or {@code --polypseg.reports.docx-template=...}).
 *
 * @param docxTemplate the Word template to use, or unset for {@code reports/templates/report.docx}
 *     (beside the working directory, else the copy in the jar)
 * @param pdfTemplate the PDF texts file to use, or unset for
 *     {@code reports/templates/pdf-template.properties}
 */
@ConfigurationProperties("polypseg.reports")
public record ReportProperties(Path docxTemplate, Path pdfTemplate) {}
