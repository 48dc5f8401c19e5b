package org.polypseg.web;

import java.util.function.Supplier;
import org.polypseg.segment.MaskEdits;
import org.polypseg.study.MaskImage;

/**
 * The overlay as the studies' mask editor (the segmentation page's brush, eraser, polygon, undo
 * and zoom): a frame, the mask drawing starts from, and the corrections drawn since, which
 * together make the mask on screen. The annotator's queue and the owner's reference use it alike.
 */
final class StudyMaskEditor {

  private final ThresholdOverlay overlay = new ThresholdOverlay();
  private MaskImage start;
  private String edits = "";

  StudyMaskEditor(String id) {
    overlay.setEditable(true);
    overlay.setWidthFull();
    overlay.setId(id);
    overlay.addEditsChangedListener(e -> edits = e.getEdits());
  }

  ThresholdOverlay overlay() {
    return overlay;
  }

  /** Shows frame {@code name} (its PNG from {@code png}) with {@code mask} to start from. */
  void load(String name, Supplier<byte[]> png, MaskImage mask) {
    start = mask;
    edits = "";
    overlay.setImageName(name);
    overlay.setEdits("");
    overlay.setThreshold(ImageCase.DEFAULT_THRESHOLD);
    overlay.setSources(Downloads.inlinePngBytes(name + ".png", png),
        Downloads.inlinePng(name + "-start.png", () -> StudyPages.maskPicture(mask)));
  }

  /**
   * The mask on screen: the start mask at the overlay's threshold, with the corrections.
   *
   * @throws IllegalArgumentException corrections of another size than the frame (the browser sent
   *     something odd)
   */
  MaskImage maskOnScreen() {
    // The start mask is binary (0 or 1): the overlay shows "probability >= threshold".
    double t = overlay.getThreshold();
    boolean[] base = new boolean[start.pixels().length];
    for (int i = 0; i < base.length; i++) {
      base[i] = (start.pixels()[i] ? 1.0 : 0.0) >= t;
    }
    MaskEdits corrections = MaskEdits.parse(edits, start.width(), start.height());
    return new MaskImage(start.width(), start.height(),
        corrections == null ? base : corrections.apply(base));
  }

  /** For tests: the corrections as the browser would send them. */
  void setEdits(String text) {
    edits = text;
  }
}
