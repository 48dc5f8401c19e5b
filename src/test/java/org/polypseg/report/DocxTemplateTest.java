package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The template engine on small templates built here, read back with POI. */
class DocxTemplateTest {

  private static final String NAME = "test-template.docx";

  private static byte[] template(Consumer<XWPFDocument> build) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      build.accept(doc);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void paragraph(XWPFDocument doc, String... runs) {
    XWPFParagraph p = doc.createParagraph();
    for (String run : runs) {
      p.createRun().setText(run);
    }
  }

  private static XWPFDocument render(byte[] template, Map<String, Object> data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxTemplate.render(new ReportTemplates.Template(NAME, template), data, out);
    return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
  }

  private static String text(XWPFDocument doc) {
    try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void joinsAPlaceholderThatWordSplitOverRuns() throws Exception {
    byte[] t = template(doc -> paragraph(doc, "Area: {{ar", "ea.p", "x}} px, {{", "count}} regions"));
    try (XWPFDocument doc = render(t, Map.of("area", Map.of("px", "1,234"), "count", "2"))) {
      assertThat(text(doc)).contains("Area: 1,234 px, 2 regions");
    }
  }

  @Test
  void repeatsABlockPerElementAndKeepsOrDropsConditionalOnes() throws Exception {
    byte[] t = template(doc -> {
      paragraph(doc, "{{#item}}");
      paragraph(doc, "Image {{item.name}}");
      paragraph(doc, "{{/item}}");
      paragraph(doc, "{{#yes}}");
      paragraph(doc, "kept");
      paragraph(doc, "{{/yes}}");
      paragraph(doc, "{{#no}}");
      paragraph(doc, "dropped");
      paragraph(doc, "{{/no}}");
    });
    Map<String, Object> data = Map.of("item", List.of(Map.of("name", "a"), Map.of("name", "b")),
        "yes", true, "no", false);
    try (XWPFDocument doc = render(t, data)) {
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
          .containsExactly("Image a", "Image b", "kept");
    }
  }

  @Test
  void repeatsATableRowPerElementInsideARepeatedBlock() throws Exception {
    byte[] t = template(doc -> {
      paragraph(doc, "{{#item}}");
      XWPFTable table = doc.createTable(3, 2);
      table.getRow(0).getCell(0).setText("#");
      table.getRow(0).getCell(1).setText("Area");
      table.getRow(1).getCell(0).setText("{{item.region.n}}");
      table.getRow(1).getCell(1).setText("{{item.region.area}}");
      table.getRow(2).getCell(0).setText("total");
      table.getRow(2).getCell(1).setText("{{item.total}}");
      paragraph(doc, "{{/item}}");
    });
    Map<String, Object> data = Map.of("item", List.of(
        Map.of("total", "30", "region", List.of(Map.of("n", "1", "area", "20"),
            Map.of("n", "2", "area", "10"))),
        Map.of("total", "0", "region", List.of())));
    try (XWPFDocument doc = render(t, data)) {
      assertThat(doc.getTables()).hasSize(2);
      assertThat(doc.getTables().get(0).getText()).isEqualTo("#\tArea\n1\t20\n2\t10\ntotal\t30\n");
      assertThat(doc.getTables().get(1).getText()).isEqualTo("#\tArea\ntotal\t0\n");
    }
  }

  @Test
  void placesAPictureWhereItsPlaceholderIs() throws Exception {
    BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    byte[] t = template(doc -> paragraph(doc, "before {{chart}} after"));
    Map<String, Object> data =
        Map.of("chart", new DocxTemplate.Image(Picture.png(png.toByteArray(), 20, 10), 100));
    try (XWPFDocument doc = render(t, data)) {
      var runs = doc.getParagraphs().getFirst().getRuns();
      assertThat(runs.getFirst().getEmbeddedPictures()).hasSize(1);
      assertThat(runs.getFirst().getEmbeddedPictures().getFirst().getWidth()).isEqualTo(100);
      assertThat(doc.getParagraphs().getFirst().getText()).isEqualTo("before  after");
    }
  }

  @Test
  void anUnknownPlaceholderIsNamedWithTheTemplate() {
    byte[] t = template(doc -> {
      paragraph(doc, "{{#item}}");
      paragraph(doc, "{{item.nmae}}");
      paragraph(doc, "{{/item}}");
    });
    assertThatThrownBy(() -> render(t, Map.of("item", List.of(Map.of("name", "a")))))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessageContaining(NAME).hasMessageContaining("unknown placeholder {{item.nmae}}");
  }

  @Test
  void unbalancedAndMisplacedBlocksAreNamed() {
    byte[] open = template(doc -> paragraph(doc, "{{#item}}"));
    assertThatThrownBy(() -> render(open, Map.of("item", List.of())))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessageContaining(NAME).hasMessageContaining("{{#item}} has no matching {{/item}}");

    byte[] close = template(doc -> paragraph(doc, "{{/item}}"));
    assertThatThrownBy(() -> render(close, Map.of("item", List.of())))
        .hasMessageContaining("{{/item}} closes a block that no {{#item}} opened");

    byte[] inCell = template(doc -> doc.createTable(1, 1).getRow(0).getCell(0).setText("{{#item}}"));
    assertThatThrownBy(() -> render(inCell, Map.of("item", List.of())))
        .hasMessageContaining("must be a paragraph of its own");

    byte[] list = template(doc -> paragraph(doc, "{{item}}"));
    assertThatThrownBy(() -> render(list, Map.of("item", List.of())))
        .hasMessageContaining("{{item}} is a list");
  }

  @Test
  void aFileThatIsNotWordIsNamed() {
    assertThatThrownBy(() -> render("just text".getBytes(), Map.of()))
        .isInstanceOf(ReportTemplateException.class)
        .hasMessageContaining(NAME).hasMessageContaining("not a Word document");
  }
}
