package org.polypseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.polypseg.testing.SyntheticData;

/** Redaction boxes as a user types them, and the default proposal on real endoscope frames. */
class RedactionTest {

  @Test
  void boxesAreReadAsTypedAndABadOneIsNamed() {
    Redaction r = Redaction.parse(" 0, 10, 120,200 ; 5,6,7,8;");
    assertThat(r.boxes()).containsExactly(new Redaction.Box(0, 10, 120, 200),
        new Redaction.Box(5, 6, 7, 8));
    assertThat(r.format()).isEqualTo("0,10,120,200;5,6,7,8");
    assertThat(Redaction.parse("  ")).isEqualTo(Redaction.NONE);
    assertThatThrownBy(() -> Redaction.parse("1,2,3")).hasMessageContaining("'1,2,3' is not a box");
    assertThatThrownBy(() -> Redaction.parse("1,2,x,4")).hasMessageContaining("'x' is not a whole");
    assertThatThrownBy(() -> Redaction.parse("1,2,0,4")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> Redaction.parse("-1,2,3,4")).hasMessageContaining("outside");
    assertThatThrownBy(() -> r.checkedFor(100, 300))
        .hasMessage("the box 0,10,120,200 (x,y,w,h) reaches outside the image, which is "
            + "100×300 px: it must end by x = 100 and y = 300");
    assertThat(r.checkedFor(120, 210)).isSameAs(r);
  }

  @Test
  void onlyTheBoxesTurnBlack() {
    BufferedImage image = SyntheticData.pair(64, 48, new java.util.Random(1))[0];
    Redaction r = new Redaction(List.of(new Redaction.Box(0, 0, 10, 5)));
    BufferedImage out = r.apply(image);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        int expected = x < 10 && y < 5 ? 0 : image.getRGB(x, y) & 0xFFFFFF;
        assertThat(out.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(expected);
      }
    }
    assertThat(Redaction.NONE.apply(image)).isSameAs(image);
  }

  static boolean realData() {
    return SyntheticData.realDatasets() != null;
  }

  @Test
  void tinyImagesGetNoBoxesAndNoError() {
    // A 1×1 PNG is a valid image: the proposal must not read pixels it does not have.
    for (int side = 1; side <= 3; side++) {
      BufferedImage tiny = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
      assertThat(BurnedInText.propose(tiny).boxes()).as(side + "×" + side).isEmpty();
    }
  }

  @Test
  @EnabledIf("realData")
  void theProposalCoversTheTextAndTheBoxOfAKvasirFrame() throws Exception {
    // 626×546; measured by eye: text from (0, 90) to (115, 366), the black box from (0, 369) to
    // (206, 546).
    BufferedImage frame = read("TestDataset/Kvasir/images/cju0u82z3cuma0835wlxrnrjv.jpg");
    List<Redaction.Box> boxes = BurnedInText.propose(frame).boxes();
    assertThat(boxes).hasSize(2);
    Redaction.Box text = boxes.get(0);
    assertThat(text.x()).isZero();
    assertThat(text.y()).isLessThanOrEqualTo(90);
    assertThat(text.x() + text.width()).isGreaterThanOrEqualTo(115);
    assertThat(text.y() + text.height()).isGreaterThanOrEqualTo(366);
    assertThat(text.width()).as("no more than a third of the width").isLessThan(626 / 3);
    Redaction.Box thumbnail = boxes.get(1);
    assertThat(thumbnail.x()).isZero();
    assertThat(thumbnail.y() + thumbnail.height()).isEqualTo(546);
    assertThat(thumbnail.y()).isBetween(365, 375);
    assertThat(thumbnail.width()).isBetween(200, 210);
  }

  @Test
  @EnabledIf("realData")
  void theTextBoxIsProposedOnNearlyEveryKvasirFrame() throws Exception {
    int proposed = 0;
    int frames = 0;
    try (var files = Files.list(SyntheticData.realDatasets().resolve("TestDataset/Kvasir/images"))) {
      for (Path file : files.toList()) {
        frames++;
        BufferedImage frame = Images.readRgb(Files.readAllBytes(file), file.toString(),
            ImageLimits.DEFAULT);
        Redaction.Box column = BurnedInText.textColumn(frame.getWidth(), frame.getHeight());
        if (BurnedInText.propose(frame).boxes().contains(column)) {
          proposed++;
        }
      }
    }
    assertThat(frames).isEqualTo(100);
    assertThat(proposed).as("frames with the text box proposed").isGreaterThanOrEqualTo(97);
    BufferedImage cvc = read("TestDataset/CVC-ClinicDB/images/106.png");
    assertThat(BurnedInText.propose(cvc).boxes()).as("CVC-ClinicDB 106, no text").isEmpty();
  }

  private static BufferedImage read(String path) throws Exception {
    Path file = SyntheticData.realDatasets().resolve(path);
    return Images.readRgb(Files.readAllBytes(file), file.toString(), ImageLimits.DEFAULT);
  }
}
