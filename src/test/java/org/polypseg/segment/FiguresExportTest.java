package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The figures as a researcher opens them: a spreadsheet's CSV and a script's JSON. */
class FiguresExportTest {

  private static final ImageFigures SEGMENTED = ImageFigures.of("cju1.jpg", 622, 529,
      new ThresholdAnalysis(0.45, 38_112, 38_112 / (622.0 * 529),
          List.of(new Region(38_000, 1, 2, 3, 4, 0.9), new Region(112, 5, 6, 7, 8, 0.6)),
          0.912345678, 0.838771234),
      false);
  private static final ImageFigures NO_MASK = ImageFigures.of("frame, \"second\".png", 384, 288,
      new ThresholdAnalysis(0.5, 0, 0, List.of(), null, null), false);
  private static final ImageFigures FAILED = ImageFigures.failed("notes.png",
      "notes.png: not a recognised image format\nsupported: PNG, JPEG, TIFF, BMP");

  @Test
  void csvHasAHeaderAndOneRowPerImageWithPointDecimalsWhateverTheLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    String csv;
    try {
      csv = FiguresExport.csv(List.of(SEGMENTED, NO_MASK, FAILED));
    } finally {
      Locale.setDefault(before);
    }
    assertThat(csv).startsWith(
        "name,width,height,threshold,areaPx,areaPercent,regions,dice,iou,corrected,error\r\n");
    assertThat(csv).contains(
        "\r\ncju1.jpg,622,529,0.4500,38112,11.5829,2,0.912346,0.838771,false,\r\n");
    // RFC 4180: a comma or quote in a name quotes the field and doubles the quote.
    assertThat(csv).contains(
        "\r\n\"frame, \"\"second\"\".png\",384,288,0.5000,0,0.0000,0,,,false,\r\n");
    // A failed image keeps its row; its error's line break is quoted, not a new row.
    assertThat(csv).endsWith("\r\nnotes.png,,,,,,,,,,\"notes.png: not a recognised image "
        + "format\nsupported: PNG, JPEG, TIFF, BMP\"\r\n");
    assertThat(csv.split("\r\n")).hasSize(4);
  }

  @Test
  void jsonHasTheSameRowsAndKeysUnrounded() throws Exception {
    JsonNode json = JsonMapper.builder().build().readTree(
        FiguresExport.json(List.of(SEGMENTED, NO_MASK, FAILED)));
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(3);
    JsonNode first = json.get(0);
    assertThat(first.propertyNames()).containsExactlyElementsOf(FiguresExport.COLUMNS);
    assertThat(first.get("name").asString()).isEqualTo("cju1.jpg");
    assertThat(first.get("areaPx").asLong()).isEqualTo(38_112);
    assertThat(first.get("areaPercent").asDouble()).isEqualTo(38_112 / (622.0 * 529) * 100);
    assertThat(first.get("regions").asInt()).isEqualTo(2);
    assertThat(first.get("dice").asDouble()).isEqualTo(0.912345678);
    assertThat(first.get("corrected").asBoolean()).isFalse();
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(json.get(1).get("dice").isNull()).isTrue();
    assertThat(json.get(2).get("areaPx").isNull()).isTrue();
    assertThat(json.get(2).get("error").asString()).startsWith("notes.png: ");
  }

  @Test
  void aNameThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
    ImageFigures hostile = ImageFigures.failed("=HYPERLINK(\"http://x\",\"y\").png", "unreadable");
    String csv = FiguresExport.csv(List.of(hostile));
    assertThat(csv).contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\").png\"");
    assertThat(FiguresExport.csv(List.of(ImageFigures.failed("-1.png", "x")))).contains("\r\n'-1.png,");
  }
}
