package org.polypseg.report;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.pdf.PdfBoolean;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Makes a PDF tagged (PDF 1.7 §14.8): the catalog's {@code /MarkInfo} and structure tree, the
 * document's language and title (shown by viewers instead of the file name), and each part of the
 * text under a structure element in reading order, pictures as {@code /Figure}s with alternative
 * text; the letterhead and footer repeated on every page are marked as artifacts, which screen
 * readers skip.
 *
 * <p>OpenPDF tags nothing by itself: content becomes tagged when it is drawn between a marked
 * content operator pair tied to a structure element. Every part of the report goes through
 * {@link #add}, which opens such a pair on the writer's direct content (where OpenPDF draws
 * tables, and so every part: each is a table), and reopens it on the next page when the part runs
 * over a page break; {@link #pageEnding} closes it before the page's decoration is drawn.
 */
final class PdfTags {

  private static final PdfName ARTIFACT = new PdfName("Artifact");

  private final PdfWriter writer;
  private final String title;
  private PdfStructureElement root;
  private PdfStructureElement current;
  private boolean open;

  /**
   * Call before the document is opened; {@link #add} once it is.
   *
   * @param language the document's language as a BCP 47 tag, e.g. "en-GB"
   */
  PdfTags(PdfWriter writer, String language, String title) {
    this.writer = writer;
    writer.setTagged();
    writer.setPdfVersion(PdfWriter.VERSION_1_7);
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
    writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
    this.title = title;
  }

  /** The document's structure element, made once the document is open (it needs the body). */
  private PdfStructureElement root() {
    if (root == null) {
      root = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
      root.put(PdfName.T, new PdfString(title, PdfObject.TEXT_UNICODE));
    }
    return root;
  }

  /** Adds {@code part} to the document as one structure element of type {@code role}. */
  void add(Document document, Element part, PdfName role) {
    add(document, part, role, null);
  }

  /**
   * Adds {@code part} as one structure element of type {@code role}; {@code alt}, when not null,
   * is its alternative text (what a screen reader says for a figure).
   */
  void add(Document document, Element part, PdfName role, String alt) {
    PdfStructureElement element = new PdfStructureElement(root(), role);
    if (alt != null) {
      element.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
    }
    current = element;
    begin();
    try {
      document.add(part);
    } finally {
      end();
      current = null;
    }
  }

  /** A new page: a part that runs over the page break goes on in the same structure element. */
  void pageStarted() {
    if (current != null) {
      begin();
    }
  }

  /** The page is about to be decorated: close the part's content on it. */
  void pageEnding() {
    end();
  }

  /** Runs {@code draw} on {@code cb} marked as an artifact (page decoration, not content). */
  static void artifact(PdfContentByte cb, Runnable draw) {
    cb.beginMarkedContentSequence(ARTIFACT);
    draw.run();
    cb.endMarkedContentSequence();
  }

  private void begin() {
    if (!open) {
      writer.getDirectContent().beginMarkedContentSequence(current);
      open = true;
    }
  }

  private void end() {
    if (open) {
      writer.getDirectContent().endMarkedContentSequence();
      open = false;
    }
  }
}
