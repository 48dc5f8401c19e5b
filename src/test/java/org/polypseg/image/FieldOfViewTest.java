package org.polypseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FieldOfViewTest {

  private static final Path KVASIR = Path.of("../shared/datasets/TestDataset/Kvasir");
  private static final Path CVC = Path.of("../shared/datasets/TestDataset/CVC-ClinicDB");

  /** An endoscope frame as processors draw it: an octagonal view on black, text and a box on the black. */
  private static BufferedImage frame(boolean darkLumenAtTheRim) {
    BufferedImage image = new BufferedImage(400, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 400, 320);
    g.setColor(new Color(200, 110, 90));
    g.fillPolygon(new int[] {140, 340, 380, 380, 340, 140, 100, 100}, new int[] {10, 10, 50, 270, 310, 310, 270, 50}, 8);
    if (darkLumenAtTheRim) {
      g.setColor(new Color(12, 6, 4));
      g.fillOval(320, 120, 90, 80); // dark lumen cutting into the view's right edge
    }
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString("Name: ----", 5, 60);
    g.drawString("12/03/2026 10:41", 5, 80);
    g.setColor(new Color(40, 200, 60));
    g.drawRect(4, 250, 60, 60); // scope guide outline on the black frame
    g.dispose();
    return image;
  }

  @Test
  void theBlackFrameAndWhatIsDrawnOnItAreOutsideTheView() {
    FieldOfView view = FieldOfView.of(frame(false));
    assertThat(view.contains(240, 160)).as("centre").isTrue();
    assertThat(view.contains(110, 160)).as("near the left rim").isTrue();
    assertThat(view.contains(20, 60)).as("text on the black frame").isFalse();
    assertThat(view.contains(30, 280)).as("the scope guide box").isFalse();
    assertThat(view.contains(105, 15)).as("a cut corner").isFalse();
    assertThat(view.contains(395, 5)).isFalse();
    // The octagon: its 280×300 bounding box less four 40×40 corner triangles; the view may be a
    // few pixels wider all round (it is dilated so that the rim's dark mucosa stays in).
    double octagon = (280.0 * 300 - 4 * 0.5 * 40 * 40) / (400 * 320);
    assertThat(view.share()).isBetween(octagon, octagon + 0.04);
  }

  @Test
  void darkLumenAtTheRimStaysInTheView() {
    FieldOfView view = FieldOfView.of(frame(true));
    assertThat(view.contains(350, 160)).as("the dark lumen inside the octagon").isTrue();
  }

  @Test
  void clearingOutsideLeavesTheViewAlone() {
    BufferedImage image = frame(false);
    float[] map = new float[400 * 320];
    java.util.Arrays.fill(map, 0.9f);
    FieldOfView.of(image).clearOutside(map);
    assertThat(map[160 * 400 + 240]).isEqualTo(0.9f);
    assertThat(map[60 * 400 + 20]).isZero();
    assertThat(map[0]).isZero();
  }

  @Test
  void aFrameWithoutBlackFrameIsAllView() {
    BufferedImage image = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(180, 90, 70));
    g.fillRect(0, 0, 100, 80);
    g.dispose();
    assertThat(FieldOfView.of(image).share()).isEqualTo(1.0);
    BufferedImage dark = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
    assertThat(FieldOfView.of(dark).share()).as("a black frame: all kept, nothing guessed").isEqualTo(1.0);
  }

  /** On the 162 real test frames, the view keeps (almost) every polyp pixel of the truth. */
  @Test
  void realPolypsAreInsideTheView() throws Exception {
    assumeTrue(Files.isDirectory(KVASIR) && Files.isDirectory(CVC), "shared test data not present");
    long polyp = 0;
    long outside = 0;
    for (Path set : List.of(KVASIR, CVC)) {
      try (var images = Files.list(set.resolve("images"))) {
        for (Path file : images.sorted().toList()) {
          BufferedImage image = Images.readRgb(file);
          String base = file.getFileName().toString().replaceAll("\\.[^.]+$", "");
          Path mask = Files.exists(set.resolve("masks").resolve(file.getFileName()))
              ? set.resolve("masks").resolve(file.getFileName()) : set.resolve("masks").resolve(base + ".png");
          boolean[] truth = Images.binaryMask(Images.readRgb(mask));
          boolean[] view = FieldOfView.of(image).mask();
          for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
              polyp++;
              if (!view[i]) {
                outside++;
              }
            }
          }
        }
      }
    }
    assertThat(polyp).isPositive();
    // Measured 0.011 %: the experts' outlines that run a pixel or two onto the black rim.
    assertThat(outside / (double) polyp).as("share of polyp pixels outside the view").isLessThan(3e-4);
  }

  /** Kvasir-SEG's blacked-out thumbnail box, in the bottom-left corner, is not part of the view. */
  @Test
  void kvasirsThumbnailBoxIsOutsideTheView() throws Exception {
    assumeTrue(Files.isDirectory(KVASIR), "shared test data not present");
    int withBox = 0;
    try (var images = Files.list(KVASIR.resolve("images"))) {
      for (Path file : images.sorted().toList()) {
        BufferedImage image = ImageIO.read(file.toFile());
        Redaction.Box box = BurnedInText.thumbnailBox(image);
        if (box == null) {
          continue;
        }
        withBox++;
        FieldOfView view = FieldOfView.of(image);
        assertThat(view.contains(box.x() + box.width() / 2, box.y() + box.height() / 2)).as(file.toString()).isFalse();
      }
    }
    assertThat(withBox).as("Kvasir-SEG test frames with a thumbnail box").isGreaterThan(10);
  }

  /** The row-by-row mask is the per-pixel test, pixel for pixel, on every eighth real test frame. */
  @Test
  void theMaskIsEveryPixelThatTheViewContains() throws Exception {
    assumeTrue(Files.isDirectory(KVASIR) && Files.isDirectory(CVC), "shared test data not present");
    int frames = 0;
    for (Path set : List.of(KVASIR, CVC)) {
      try (var images = Files.list(set.resolve("images"))) {
        List<Path> files = images.sorted().toList();
        for (int i = 0; i < files.size(); i += 8) {
          Path file = files.get(i);
          BufferedImage image = Images.readRgb(file);
          FieldOfView view = FieldOfView.of(image);
          boolean[] mask = view.mask();
          int w = image.getWidth();
          for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
              if (mask[y * w + x] != view.contains(x, y)) {
                throw new AssertionError(file + ": pixel (" + x + ", " + y + ") is "
                    + (mask[y * w + x] ? "" : "not ") + "in the mask but the view says otherwise");
              }
            }
          }
          frames++;
        }
      }
    }
    assertThat(frames).isEqualTo(21);
    BufferedImage drawn = frame(true);
    FieldOfView view = FieldOfView.of(drawn);
    boolean[] mask = view.mask();
    for (int y = 0; y < drawn.getHeight(); y++) {
      for (int x = 0; x < drawn.getWidth(); x++) {
        assertThat(mask[y * drawn.getWidth() + x]).isEqualTo(view.contains(x, y));
      }
    }
  }
}
