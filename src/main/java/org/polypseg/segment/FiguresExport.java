package org.polypseg.segment;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-image figures as CSV or JSON, one row (object) per image in the order given; the page's
 * downloads and {@code POST /api/segmentations/figures} both write them here, so the two files
 * agree column for column.
 *
 * <p>CSV (RFC 4180): a header row of {@link #COLUMNS}, CRLF line ends, UTF-8, a field quoted when
 * it holds a comma, quote or line break (quotes doubled). Numbers use '.' as the decimal mark
 * whatever the locale: threshold and areaPercent with 4 decimals, Dice and IoU with 6; an absent
 * value (Dice without a mask, every figure of a failed image) is an empty field. {@code corrected}
 * is {@code true} or {@code false}. A failed image is a row with its name and {@code error}, so a
 * batch's table lists every file sent. JSON: an array of objects with the same keys, absent values
 * as null, numbers unrounded.
 */
public final class FiguresExport {

  /** The columns, in order; the JSON objects have the same keys. */
  public static final List<String> COLUMNS = List.of("name", "width", "height", "threshold",
      "areaPx", "areaPercent", "regions", "dice", "iou", "corrected", "error");

  public static final String CSV_MEDIA_TYPE = "text/csv";
  public static final String JSON_MEDIA_TYPE = "application/json";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private FiguresExport() {}

  public static String csv(List<ImageFigures> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (ImageFigures r : rows) {
      csv.append(String.join(",",
          field(r.name()),
          number(r.width()),
          number(r.height()),
          decimal(r.threshold(), 4),
          number(r.areaPx()),
          decimal(r.areaPercent(), 4),
          number(r.regions()),
          decimal(r.dice(), 6),
          decimal(r.iou(), 6),
          r.corrected() == null ? "" : r.corrected().toString(),
          field(r.error())))
          .append("\r\n");
    }
    return csv.toString();
  }

  public static String json(List<ImageFigures> rows) {
    return JSON.writeValueAsString(rows);
  }

  /**
   * A text field, quoted when RFC 4180 needs it. A file name that a spreadsheet would take for a
   * formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP's
   * advice against CSV injection): "=HYPERLINK(...).png" shows as text, never runs.
   */
  static String field(String text) {
    if (text == null) {
      return "";
    }
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static String number(Number n) {
    return n == null ? "" : n.toString();
  }

  private static String decimal(Double d, int places) {
    return d == null ? "" : String.format(Locale.ROOT, "%." + places + "f", d);
  }
}
