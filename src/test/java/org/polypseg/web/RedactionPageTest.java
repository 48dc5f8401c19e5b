package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.junit.jupiter.api.Test;
import org.polypseg.image.Redaction;
import org.polypseg.report.ReportDocuments;
import org.polypseg.report.ReportFormat;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.ThresholdAnalysis;
import org.polypseg.testing.SyntheticData;

/**
 * The redaction of burned-in text on the page: the boxes the user confirms are black in the image
 * shown, the overlay PNG and the report's pictures, and nowhere else; the figures do not change.
 */
class RedactionPageTest extends PageTestSupport {

  @Test
  void theBoxesAreBlackInEveryPictureAndNowhereElseAndTheFiguresStay() throws Exception {
    view.receive("frame.jpg", frame());
    awaitAllSettled();
    ImageCase c = view.selected();
    ThresholdAnalysis before = c.analysis();
    int w = c.image().getWidth();
    int h = c.image().getHeight();

    RedactionDialog dialog = view.detail().openRedaction();
    assertThat(dialog.field().getValue()).as("the proposal, shown for confirmation")
        .isEqualTo(c.proposedRedaction().format()).isNotEmpty();
    assertThat(c.redaction().isEmpty()).as("nothing blanked before Apply").isTrue();

    // A box that reaches outside the image: said at the field, nothing lost.
    dialog.field().setValue("0,0," + (w + 1) + ",10");
    dialog.apply();
    assertThat(dialog.field().isInvalid()).isTrue();
    assertThat(dialog.field().getErrorMessage()).contains("0,0," + (w + 1) + ",10",
        "reaches outside the image", w + "×" + h + " px");
    assertThat(dialog.isOpened()).isTrue();
    assertThat(c.redactionConfirmed()).isFalse();

    Redaction boxes = c.proposedRedaction();
    dialog.field().setValue(boxes.format());
    dialog.apply();
    assertThat(dialog.isOpened()).isFalse();
    assertThat(c.redaction()).isEqualTo(boxes);
    assertThat(c.analysis()).as("figures of the whole image").isEqualTo(before);

    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(c.displayPng()));
    assertOnlyBoxesBlack(shown, c.image(), boxes);
    BufferedImage overlayPng = ImageIO.read(new ByteArrayInputStream(
        SegmentationImages.png(c.overlayPicture())));
    assertOnlyBoxesBlack(overlayPng,
        SegmentationImages.overlay(c.image(), c.segmentation(), c.threshold(), c.truth()), boxes);

    ReportDownloads.Report report = new ReportDownloads(reports, context, PageAccounting.off())
        .render(List.of(c), c.label(), ReportFormat.DOCX);
    List<BufferedImage> photos = photos(report.document(), w, h);
    assertThat(photos).as("original and overlay in the report").hasSizeGreaterThanOrEqualTo(2);
    for (BufferedImage photo : photos) {
      double scale = (double) photo.getWidth() / w;
      for (Redaction.Box b : boxes.boxes()) {
        // Inside, a few pixels from the edges (JPEG and scaling blur the edges): black.
        for (int y = b.y() + 4; y < b.y() + b.height() - 4; y += 3) {
          for (int x = b.x() + 4; x < b.x() + b.width() - 4; x += 3) {
            int rgb = photo.getRGB((int) (x * scale), (int) (y * scale));
            assertThat(max(rgb)).as("report picture at (%d, %d) of box %s", x, y, b)
                .isLessThanOrEqualTo(24);
          }
        }
      }
      assertThat(meanOutside(photo, boxes, scale)).as("the rest is the picture").isGreaterThan(40);
    }

    // The boxes are the tab's: a new view (a reload) shows them again.
    SegmentView reloaded = newView();
    reloaded.useWork(view.work());
    assertThat(reloaded.selected().redaction()).isEqualTo(boxes);
  }

  @Test
  void theSameBoxesGoToEveryImageOfTheSizeWhenAsked() {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 1)[0], "png"));
    view.receive("b.png", WebTestData.encode(WebTestData.pair(320, 240, 2)[0], "png"));
    view.receive("c.png", WebTestData.encode(WebTestData.pair(200, 160, 3)[0], "png"));
    awaitAllSettled();
    view.select(view.cases().get(0));
    RedactionDialog dialog = view.detail().openRedaction();
    assertThat(dialog.allOfSize().isVisible()).isTrue();
    assertThat(dialog.allOfSize().getLabel()).isEqualTo("Apply to all 2 images of 320 × 240 px");
    dialog.allOfSize().setValue(true);
    dialog.field().setValue("0,0,40,30; 280,200,40,40");
    dialog.apply();
    Redaction expected = Redaction.parse("0,0,40,30;280,200,40,40");
    assertThat(view.cases()).extracting(ImageCase::redaction)
        .containsExactly(expected, expected, Redaction.NONE);
  }

  /** The real Kvasir-SEG frame with text and a black box when the data is there, else a drawn one. */
  private static byte[] frame() throws Exception {
    Path datasets = SyntheticData.realDatasets();
    if (datasets != null) {
      Path file = datasets.resolve("TestDataset/Kvasir/images/cju0u82z3cuma0835wlxrnrjv.jpg");
      if (Files.isRegularFile(file)) {
        return Files.readAllBytes(file);
      }
    }
    BufferedImage image = WebTestData.pair(320, 240, 5)[0];
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 100, 240);
    g.setColor(Color.WHITE);
    for (int line = 0; line < 6; line++) {
      g.drawString("Sex: F  Age: 61", 4, 50 + 16 * line);
    }
    g.dispose();
    return WebTestData.encode(image, "png");
  }

  private static void assertOnlyBoxesBlack(BufferedImage picture, BufferedImage unredacted,
      Redaction boxes) {
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        int expected = inside(boxes, x, y) ? 0 : unredacted.getRGB(x, y) & 0xFFFFFF;
        if ((picture.getRGB(x, y) & 0xFFFFFF) != expected) {
          throw new AssertionError("pixel (" + x + ", " + y + ") is "
              + Integer.toHexString(picture.getRGB(x, y) & 0xFFFFFF) + ", expected "
              + Integer.toHexString(expected));
        }
      }
    }
  }

  private static boolean inside(Redaction boxes, int x, int y) {
    return boxes.boxes().stream().anyMatch(b -> x >= b.x() && x < b.x() + b.width()
        && y >= b.y() && y < b.y() + b.height());
  }

  private static double meanOutside(BufferedImage photo, Redaction boxes, double scale) {
    long sum = 0;
    long n = 0;
    for (int y = 0; y < photo.getHeight(); y += 2) {
      for (int x = 0; x < photo.getWidth(); x += 2) {
        if (!inside(boxes, (int) (x / scale), (int) (y / scale))) {
          sum += max(photo.getRGB(x, y));
          n++;
        }
      }
    }
    return (double) sum / n;
  }

  private static int max(int rgb) {
    return Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF));
  }

  /** The report's pictures with the image's aspect ratio: its original and overlay. */
  private static List<BufferedImage> photos(byte[] docx, int w, int h) throws Exception {
    List<BufferedImage> photos = new ArrayList<>();
    try (XWPFDocument doc = ReportDocuments.docx(docx)) {
      for (XWPFPictureData data : doc.getAllPictures()) {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(data.getData()));
        if (picture != null && Math.abs((double) picture.getWidth() / picture.getHeight()
            - (double) w / h) < 0.02) {
          photos.add(picture);
        }
      }
    }
    return photos;
  }

}
