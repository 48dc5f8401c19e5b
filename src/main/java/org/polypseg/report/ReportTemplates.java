package org.polypseg.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the report templates are: the Word template ({@code report.docx}) and the PDF's texts
 * ({@code pdf-template.properties}).
 *
 * <p>A configured path must name a readable file. Without one, the file in
 * {@code reports/templates/} under the working directory is used when it exists (so a clinic edits
 * it in place, no rebuild needed), and otherwise the copy packaged in the jar. Templates are read
 * again for every report, so an edit shows in the next one.
 *
 * @param docxTemplate the Word template to use, or null for the default
 * @param pdfTemplate the PDF texts file to use, or null for the default
 */
public record ReportTemplates(Path docxTemplate, Path pdfTemplate) {

  /** The default folder, relative to the working directory. */
  public static final Path DEFAULT_DIR = Path.of("reports", "templates");

  public static final String DOCX_FILE = "report.docx";
  public static final String PDF_FILE = "pdf-template.properties";

  /** The default templates. */
  public static ReportTemplates defaults() {
    return new ReportTemplates(null, null);
  }

  /** The Word template's bytes and where they came from. */
  Template docx() {
    return load(docxTemplate, DOCX_FILE);
  }

  /** The PDF texts file's bytes and where they came from. */
  Template pdf() {
    return load(pdfTemplate, PDF_FILE);
  }

  /**
   * A template file read into memory.
   *
   * @param location the path (or jar resource) it came from, for messages
   * @param bytes its contents
   */
  record Template(String location, byte[] bytes) {}

  private static Template load(Path configured, String fileName) {
    if (configured != null) {
      return read(configured);
    }
    Path local = DEFAULT_DIR.resolve(fileName);
    if (Files.exists(local)) {
      return read(local);
    }
    String resource = "/reports/templates/" + fileName;
    try (InputStream in = ReportTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ReportTemplateException(local + ": report template not found (nor " + resource
            + " in the application jar)");
      }
      return new Template("jar:" + resource, in.readAllBytes());
    } catch (IOException e) {
      throw new ReportTemplateException("jar:" + resource + ": cannot be read (" + e + ")", e);
    }
  }

  private static Template read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ReportTemplateException(file + ": report template not found");
    }
    try {
      return new Template(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ReportTemplateException(file + ": report template cannot be read (" + e + ")", e);
    }
  }
}
