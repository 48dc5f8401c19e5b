package org.polypseg.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Reads generated documents back with real readers: OpenPDF's text extractor and POI. */
public final class ReportDocuments {

  private ReportDocuments() {}

  /** The text of each page of a PDF. */
  static List<String> pdfPages(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        List<String> pages = new ArrayList<>();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
          pages.add(extractor.getTextFromPage(i));
        }
        return pages;
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String pdfText(byte[] pdf) {
    return String.join("\n", pdfPages(pdf));
  }

  /**
   * The text of a PDF with its page decoration (letterhead, footer) included: a tagged PDF marks
   * them as artifacts, which text extractors (OpenPDF's too) rightly leave out of the content,
   * while a reader of the printed page sees them.
   */
  public static String pdfTextWithDecoration(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        List<String> pages = new ArrayList<>();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
          String content = new String(reader.getPageContent(i),
              java.nio.charset.StandardCharsets.ISO_8859_1);
          reader.setPageContent(i, content.replace("/Artifact BMC", "/Span BMC")
              .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
          pages.add(extractor.getTextFromPage(i));
        }
        return String.join("\n", pages);
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static XWPFDocument docx(byte[] bytes) {
    try {
      return new XWPFDocument(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All text of a Word document, headers and footers included. */
  public static String docxText(XWPFDocument doc) {
    try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pictures placed in the body and its tables (each placement counts). */
  static int docxPictures(XWPFDocument doc) {
    int count = 0;
    for (XWPFParagraph p : paragraphs(doc.getBodyElements())) {
      for (XWPFRun run : p.getRuns()) {
        count += run.getEmbeddedPictures().size();
      }
    }
    return count;
  }

  /** The first table of the body whose text contains {@code text}. */
  static XWPFTable docxTable(XWPFDocument doc, String text) {
    return doc.getTables().stream().filter(t -> t.getText().contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no table with '" + text + "'"));
  }

  private static List<XWPFParagraph> paragraphs(List<IBodyElement> elements) {
    List<XWPFParagraph> all = new ArrayList<>();
    for (IBodyElement e : elements) {
      if (e instanceof XWPFParagraph p) {
        all.add(p);
      } else if (e instanceof XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            all.addAll(paragraphs(cell.getBodyElements()));
          }
        }
      }
    }
    return all;
  }
}
