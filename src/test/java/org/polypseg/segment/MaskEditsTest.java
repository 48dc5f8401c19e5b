package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskEditsTest {

  @Test
  void paintedPixelsArePolypErasedAreNotTheRestAsPredicted() {
    // 4 x 2: pixel 1 painted, pixel 2 erased, 5 painted.
    MaskEdits edits = MaskEdits.parse("4x2;0*1,1*1,2*1,0*2,1*1,0*2", 4, 2);
    boolean[] predicted = {false, false, true, true, false, false, true, false};
    assertThat(edits.apply(predicted))
        .containsExactly(false, true, false, true, false, true, true, false);
    assertThat(edits.changedPixels()).isEqualTo(3);
    assertThat(edits.toText()).isEqualTo("4x2;0*1,1*1,2*1,0*2,1*1,0*2");
  }

  @Test
  void theFiguresAndPicturesUseTheCorrectedMask() {
    float[] p = {0.9f, 0.9f, 0.1f, 0.1f, 0.1f, 0.1f};
    Segmentation s = new Segmentation(3, 2, p, 1, null);
    boolean[] truth = {true, true, true, false, false, false};
    assertThat(SegmentationService.analyze(s, 0.5, truth).dice()).isCloseTo(0.8, within());
    MaskEdits edits = MaskEdits.between(SegmentationImages.mask(s, 0.5), truth, 3, 2);
    ThresholdAnalysis corrected = SegmentationService.analyze(s, 0.5, edits, truth);
    assertThat(corrected.areaPx()).isEqualTo(3);
    assertThat(corrected.dice()).isEqualTo(1.0);
    assertThat(corrected.regions()).hasSize(1);
    assertThat(SegmentationImages.maskImage(s, 0.5, edits).getRaster().getSample(2, 0, 0))
        .isEqualTo(255);
  }

  @Test
  void emptyTextIsNoCorrections() {
    assertThat(MaskEdits.parse("", 3, 2)).isNull();
    assertThat(MaskEdits.parse(null, 3, 2)).isNull();
  }

  @Test
  void correctionsOfAnotherSizeOrMalformedAreRefusedWithTheReason() {
    assertThatThrownBy(() -> MaskEdits.parse("4x2;0*8", 3, 2))
        .hasMessageContaining("4×2 px image, this one is 3×2 px");
    assertThatThrownBy(() -> MaskEdits.parse("3x2;0*5", 3, 2))
        .hasMessageContaining("cover 5 of the image's 6 pixels");
    assertThatThrownBy(() -> MaskEdits.parse("3x2;0*9", 3, 2))
        .hasMessageContaining("do not fit");
    assertThatThrownBy(() -> MaskEdits.parse("3x2;7*6", 3, 2)).hasMessageContaining("do not fit");
    assertThatThrownBy(() -> MaskEdits.parse("<script>", 3, 2))
        .hasMessageContaining("not in the expected form");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
