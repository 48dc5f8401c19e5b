package org.polypseg.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

/**
 * Fills a Word template: a {@code .docx} file edited in Word, with placeholders in double braces.
 *
 * <ul>
 *   <li>{@code {{name}}} anywhere in the text (body, tables, headers, footers) is replaced by a
 *       text value, or by a picture when the value is an {@link Image}. Names are dotted paths
 *       into the data: {@code {{model.name}}}.
 *   <li>A paragraph holding only {@code {{#name}}}, and a later one holding only {@code {{/name}}},
 *       both at the top level of the body, enclose a block: repeated once per element when the
 *       value is a list (inside, {@code {{name.field}}} is the current element's field), kept
 *       when it is true, dropped when it is false.
 *   <li>A table row with a placeholder {@code {{list.field}}} of a list is repeated once per
 *       element of the list, and removed when the list is empty.
 * </ul>
 *
 * <p>Word splits text into runs as it likes (spell checking, edits); a placeholder split over
 * several runs is joined into the first one before anything else, keeping that run's formatting.
 * Data values are Strings, {@link Image}s, Booleans, Lists of Maps and Maps.
 */
final class DocxTemplate {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([#/]?)\\s*([A-Za-z0-9_.]+)\\s*}}");
  private static final String NS =
      "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";

  /**
   * A picture value and its width on the page.
   *
   * @param picture the encoded picture
   * @param widthPt width on the page, points (1/72 inch); the height keeps the aspect ratio
   */
  record Image(Picture picture, double widthPt) {}

  private final String location;
  private final Map<String, Object> data;

  private DocxTemplate(String location, Map<String, Object> data) {
    this.location = location;
    this.data = data;
  }

  /**
   * Fills {@code template} with {@code data} and writes the document to {@code out}.
   *
   * @throws ReportTemplateException when the template is not a .docx, has unbalanced blocks or
   *     names a placeholder the data does not have; the message names the template
   */
  static void render(ReportTemplates.Template template, Map<String, Object> data,
      OutputStream out) {
    DocxTemplate t = new DocxTemplate(template.location(), data);
    byte[] expanded;
    try (XWPFDocument doc = t.open(template.bytes())) {
      for (XWPFParagraph p : paragraphs(doc)) {
        joinSplitPlaceholders(p);
      }
      XmlObject body = doc.getDocument().getBody();
      t.expandBlocks(body);
      t.expandRows(body);
      expanded = save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The expansion edited the XML under POI's objects; reading it again rebuilds them.
    try (XWPFDocument doc = t.open(expanded)) {
      t.fill(doc);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private XWPFDocument open(byte[] bytes) {
    try {
      return new XWPFDocument(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new ReportTemplateException(
          location + ": not a Word document (.docx) that can be read (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] save(XWPFDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.write(out);
    return out.toByteArray();
  }

  // ---- step 1: join placeholders split over runs ------------------------------------------

  /** Every paragraph of the body, its tables (nested too), headers and footers. */
  static List<XWPFParagraph> paragraphs(XWPFDocument doc) {
    List<XWPFParagraph> all = new ArrayList<>();
    collect(doc, all);
    for (XWPFHeaderFooter part : doc.getHeaderList()) {
      collect(part, all);
    }
    for (XWPFHeaderFooter part : doc.getFooterList()) {
      collect(part, all);
    }
    return all;
  }

  private static void collect(IBody body, List<XWPFParagraph> all) {
    for (IBodyElement element : body.getBodyElements()) {
      if (element instanceof XWPFParagraph p) {
        all.add(p);
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            collect(cell, all);
          }
        }
      }
    }
  }

  /**
   * Moves each placeholder that spans several text elements ({@code w:t}) of a paragraph into the
   * first of them; the others lose the placeholder's characters and keep the rest of their text.
   */
  static void joinSplitPlaceholders(XWPFParagraph paragraph) {
    List<CTText> texts = new ArrayList<>();
    for (XWPFRun run : paragraph.getRuns()) {
      texts.addAll(run.getCTR().getTList());
    }
    if (texts.size() < 2) {
      return;
    }
    while (true) {
      StringBuilder all = new StringBuilder();
      int[] starts = new int[texts.size() + 1];
      for (int i = 0; i < texts.size(); i++) {
        starts[i] = all.length();
        all.append(texts.get(i).getStringValue());
      }
      starts[texts.size()] = all.length();
      Matcher m = PLACEHOLDER.matcher(all);
      boolean changed = false;
      while (m.find()) {
        int first = owner(starts, m.start());
        int last = owner(starts, m.end() - 1);
        if (first == last) {
          continue;
        }
        String head = texts.get(first).getStringValue().substring(0, m.start() - starts[first]);
        String tail = texts.get(last).getStringValue().substring(m.end() - starts[last]);
        setText(texts.get(first), head + m.group());
        for (int i = first + 1; i < last; i++) {
          setText(texts.get(i), "");
        }
        setText(texts.get(last), tail);
        changed = true;
        break;
      }
      if (!changed) {
        return;
      }
    }
  }

  private static int owner(int[] starts, int offset) {
    int i = 0;
    while (starts[i + 1] <= offset) {
      i++;
    }
    return i;
  }

  private static void setText(CTText t, String text) {
    t.setStringValue(text);
    // Word drops leading and trailing spaces unless told to keep them.
    try (XmlCursor c = t.newCursor()) {
      c.setAttributeText(new javax.xml.namespace.QName(
          "http://www.w3.org/XML/1998/namespace", "space"), "preserve");
    }
  }

  // ---- step 2: blocks and row templates, on the XML ---------------------------------------

  private void expandBlocks(XmlObject body) {
    while (true) {
      List<XmlObject> children = children(body);
      int start = -1;
      String name = null;
      for (int i = 0; i < children.size() && start < 0; i++) {
        Matcher m = marker(children.get(i));
        if (m != null) {
          if (m.group(1).equals("/")) {
            throw new ReportTemplateException(location + ": {{/" + m.group(2)
                + "}} closes a block that no {{#" + m.group(2) + "}} opened");
          }
          start = i;
          name = m.group(2);
        }
      }
      if (start < 0) {
        return;
      }
      int end = -1;
      int depth = 0;
      for (int i = start + 1; i < children.size() && end < 0; i++) {
        Matcher m = marker(children.get(i));
        if (m != null && m.group(2).equals(name)) {
          if (m.group(1).equals("#")) {
            depth++;
          } else if (depth == 0) {
            end = i;
          } else {
            depth--;
          }
        }
      }
      if (end < 0) {
        throw new ReportTemplateException(location + ": {{#" + name
            + "}} has no matching {{/" + name + "}} (each must be a paragraph of its own)");
      }
      Object value = resolve(name);
      int copies;
      boolean indexed = false;
      if (value instanceof List<?> list) {
        copies = list.size();
        indexed = true;
      } else if (value instanceof Boolean flag) {
        copies = flag ? 1 : 0;
      } else if (value instanceof Map<?, ?>) {
        copies = 1;
      } else {
        throw unknown("#" + name, value);
      }
      XmlObject endMarker = children.get(end);
      for (int k = 0; k < copies; k++) {
        for (int i = start + 1; i < end; i++) {
          XmlObject copy = copyBefore(children.get(i), endMarker);
          if (indexed) {
            rename(copy, name, name + "." + k);
          }
        }
      }
      for (int i = start; i <= end; i++) {
        remove(children.get(i));
      }
    }
  }

  private void expandRows(XmlObject body) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (XmlObject row : body.selectPath(NS + ".//w:tr")) {
        String list = rowList(row);
        if (list == null) {
          continue;
        }
        int size = ((List<?>) resolve(list)).size();
        for (int k = 0; k < size; k++) {
          rename(copyBefore(row, row), list, list + "." + k);
        }
        remove(row);
        changed = true;
        break;
      }
    }
    // A table whose every row was a template for an empty list would be invalid: drop it.
    for (XmlObject table : body.selectPath(NS + ".//w:tbl")) {
      if (table.selectPath(NS + "./w:tr").length == 0) {
        remove(table);
      }
    }
  }

  /** The list a row repeats over: the first placeholder naming a field of an unindexed list. */
  private String rowList(XmlObject row) {
    for (XmlObject t : row.selectPath(NS + ".//w:t")) {
      Matcher m = PLACEHOLDER.matcher(((CTText) t).getStringValue());
      while (m.find()) {
        String[] parts = m.group(2).split("\\.");
        Object node = data;
        for (int i = 0; i < parts.length && node != null; i++) {
          if (node instanceof List<?> list) {
            if (!isIndex(parts[i])) {
              return String.join(".", java.util.Arrays.copyOf(parts, i));
            }
            int index = Integer.parseInt(parts[i]);
            node = index < list.size() ? list.get(index) : null;
          } else if (node instanceof Map<?, ?> map) {
            node = map.get(parts[i]);
          } else {
            node = null;
          }
        }
      }
    }
    return null;
  }

  private static List<XmlObject> children(XmlObject parent) {
    List<XmlObject> children = new ArrayList<>();
    try (XmlCursor c = parent.newCursor()) {
      if (c.toFirstChild()) {
        do {
          children.add(c.getObject());
        } while (c.toNextSibling());
      }
    }
    return children;
  }

  /** A paragraph that holds only a block marker, or null. */
  private static Matcher marker(XmlObject element) {
    if (!element.getDomNode().getLocalName().equals("p")) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (XmlObject t : element.selectPath(NS + ".//w:t")) {
      text.append(((CTText) t).getStringValue());
    }
    Matcher m = PLACEHOLDER.matcher(text.toString().strip());
    return m.matches() && !m.group(1).isEmpty() ? m : null;
  }

  /** Copies {@code source} to just before {@code anchor}; returns the copy. */
  private static XmlObject copyBefore(XmlObject source, XmlObject anchor) {
    try (XmlCursor from = source.newCursor(); XmlCursor to = anchor.newCursor()) {
      from.copyXml(to);
      to.toPrevSibling();
      XmlObject copy = to.getObject();
      // Bookmark names must be unique in a document; copies would repeat them.
      for (String tag : List.of("bookmarkStart", "bookmarkEnd")) {
        for (XmlObject mark : copy.selectPath(NS + ".//w:" + tag)) {
          remove(mark);
        }
      }
      return copy;
    }
  }

  private static void remove(XmlObject element) {
    try (XmlCursor c = element.newCursor()) {
      c.removeXml();
    }
  }

  /** In {@code element}, renames placeholders under {@code from} to lie under {@code to}. */
  private static void rename(XmlObject element, String from, String to) {
    for (XmlObject t : element.selectPath(NS + ".//w:t")) {
      CTText text = (CTText) t;
      String value = text.getStringValue();
      if (!value.contains("{{")) {
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(2);
        String renamed = name.equals(from) || name.startsWith(from + ".")
            ? to + name.substring(from.length()) : name;
        m.appendReplacement(out, Matcher.quoteReplacement("{{" + m.group(1) + renamed + "}}"));
      }
      m.appendTail(out);
      text.setStringValue(out.toString());
    }
  }

  // ---- step 3: values ---------------------------------------------------------------------

  private void fill(XWPFDocument doc) {
    for (XWPFParagraph p : paragraphs(doc)) {
      for (XWPFRun run : p.getRuns()) {
        for (CTText t : run.getCTR().getTList()) {
          String value = t.getStringValue();
          if (value.contains("{{")) {
            fill(run, t, value);
          }
        }
      }
    }
  }

  private void fill(XWPFRun run, CTText t, String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    List<Image> images = new ArrayList<>();
    while (m.find()) {
      if (!m.group(1).isEmpty()) {
        throw new ReportTemplateException(location + ": block marker " + m.group()
            + " must be a paragraph of its own at the top level of the document (not in a"
            + " table, header or footer)");
      }
      Object value = resolve(m.group(2));
      String replacement;
      if (value instanceof String s) {
        replacement = s;
      } else if (value instanceof Image image) {
        images.add(image);
        replacement = "";
      } else {
        throw unknown(m.group(2), value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    setText(t, out.toString());
    for (Image image : images) {
      Picture p = image.picture();
      try {
        run.addPicture(new ByteArrayInputStream(p.bytes()),
            p.png() ? PictureType.PNG : PictureType.JPEG, p.png() ? "chart.png" : "image.jpg",
            Units.toEMU(image.widthPt()), Units.toEMU(p.heightFor(image.widthPt())));
      } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IllegalStateException("could not place a picture in the document", e);
      }
    }
  }

  private Object resolve(String name) {
    Object node = data;
    String[] parts = name.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (node instanceof Map<?, ?> map) {
        // A map may hold dotted keys (the texts: {{text.heading.findings}}); the longest wins.
        String rest = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
        if (i < parts.length - 1 && map.containsKey(rest)) {
          return map.get(rest);
        }
        node = map.get(part);
      } else if (node instanceof List<?> list && isIndex(part)
          && Integer.parseInt(part) < list.size()) {
        node = list.get(Integer.parseInt(part));
      } else {
        return null;
      }
    }
    return node;
  }

  private ReportTemplateException unknown(String name, Object value) {
    String bare = name.replaceFirst("^[#/]", "").replaceAll("\\.\\d+(?=\\.|$)", "");
    if (value == null) {
      return new ReportTemplateException(location + ": unknown placeholder {{" + bare
          + "}}; the names it may use are listed in reports/templates/README.md");
    }
    return new ReportTemplateException(location + ": {{" + bare + "}} is "
        + (value instanceof List<?> ? "a list: repeat it with {{#" + bare + "}} ... {{/" + bare
            + "}} or in a table row" : "not a text") + " and cannot stand there");
  }

  private static boolean isIndex(String part) {
    return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
  }
}
