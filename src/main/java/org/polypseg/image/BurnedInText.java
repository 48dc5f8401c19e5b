package org.polypseg.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A first proposal of the boxes to blank in an endoscope frame, for the user to confirm or change:
 * where such frames carry burned-in patient data.
 *
 * <p>Measured on the 100 Kvasir-SEG and 62 CVC-ClinicDB test frames
 * ({@code ../shared/datasets/TestDataset}): the on-screen text (name, sex, age, date of birth,
 * date, time, counter, the scope's bar and settings) lies in a column at the left, from 16 % to
 * 68 % of the height and up to 30 % of the width, over the black border and the tissue alike; a
 * thumbnail box, when there is one, is a uniform rectangle at the bottom-left (blacked out
 * already in Kvasir-SEG). The text box is proposed when the column holds text-like pixels (grey or
 * white strokes with a dark neighbour 2-3 px to the side) at a density of at least 0.03 %: 97 of
 * the 100 Kvasir-SEG frames (the other three show no or barely any text) and 20 of the 62
 * CVC-ClinicDB frames (which carry none: bright tissue edges; the user deletes the box).
 */
public final class BurnedInText {

  /** The text column, as fractions of the frame's width and height. */
  static final double TEXT_RIGHT = 0.32;
  static final double TEXT_TOP = 0.14;
  static final double TEXT_BOTTOM = 0.70;

  /** Least share of text-like pixels in the column for the text box to be proposed. */
  static final double TEXT_DENSITY = 0.0003;

  private BurnedInText() {}

  /** The proposed boxes for {@code image}: the text column and a thumbnail box, each if found. */
  public static Redaction propose(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    List<Redaction.Box> boxes = new ArrayList<>();
    Redaction.Box text = textColumn(w, h);
    if (text != null && textDensity(image, text) >= TEXT_DENSITY) {
      boxes.add(text);
    }
    Redaction.Box thumbnail = thumbnailBox(image);
    if (thumbnail != null) {
      boxes.add(thumbnail);
    }
    return new Redaction(boxes);
  }

  /** The column where endoscopes write their text, or null on a frame too small for one. */
  static Redaction.Box textColumn(int w, int h) {
    int right = (int) Math.round(w * TEXT_RIGHT);
    int top = (int) Math.round(h * TEXT_TOP);
    int bottom = (int) Math.round(h * TEXT_BOTTOM);
    return right < 1 || bottom <= top ? null : new Redaction.Box(0, top, right, bottom - top);
  }

  /** The share of text-like pixels in {@code box}. */
  static double textDensity(BufferedImage image, Redaction.Box box) {
    int w = image.getWidth();
    int[] rgb = image.getRGB(0, box.y(), w, box.height(), null, 0, w);
    long text = 0;
    for (int y = 0; y < box.height(); y++) {
      for (int x = box.x(); x < box.x() + box.width(); x++) {
        if (textLike(rgb, y * w, x, w)) {
          text++;
        }
      }
    }
    return (double) text / ((long) box.width() * box.height());
  }

  /**
   * A pixel of a grey or white stroke: bright (every channel at least 140), nearly grey (channels
   * within 40) and with a pixel 2 or 3 px to the left or right darker by 80 or more.
   */
  private static boolean textLike(int[] rgb, int row, int x, int w) {
    int p = rgb[row + x];
    int min = min(p);
    if (min < 140 || max(p) - min > 40) {
      return false;
    }
    for (int d = 2; d <= 3; d++) {
      if (x - d >= 0 && min(rgb[row + x - d]) <= min - 80
          || x + d < w && min(rgb[row + x + d]) <= min - 80) {
        return true;
      }
    }
    return false;
  }

  /**
   * A uniform rectangle in the bottom-left corner (the thumbnail box of some endoscopes), found
   * from the corner's colour along a row and a column 5 % inside the frame, and kept when at
   * least 95 % of it has that colour (the border's black corner, a triangle, does not); null when
   * there is none.
   */
  static Redaction.Box thumbnailBox(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < 3 || h < 3) {
      // No room for a thumbnail, nor for the corner pixel read next (a 1×1 image is valid input).
      return null;
    }
    int corner = image.getRGB(1, h - 2);
    int row = h - 1 - (int) Math.round(h * 0.05);
    int column = (int) Math.round(w * 0.05);
    int width = 0;
    while (width < w && near(image.getRGB(width, row), corner)) {
      width++;
    }
    int height = 0;
    while (height < h && near(image.getRGB(column, h - 1 - height), corner)) {
      height++;
    }
    if (width < w * 0.1 || width > w * 0.5 || height < h * 0.1 || height > h * 0.6) {
      return null;
    }
    int[] rgb = image.getRGB(0, h - height, width, height, null, 0, width);
    long same = 0;
    for (int p : rgb) {
      if (near(p, corner)) {
        same++;
      }
    }
    return same >= 0.95 * rgb.length ? new Redaction.Box(0, h - height, width, height) : null;
  }

  private static boolean near(int a, int b) {
    return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) <= 30
        && Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) <= 30
        && Math.abs((a & 0xFF) - (b & 0xFF)) <= 30;
  }

  private static int min(int p) {
    return Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
  }

  private static int max(int p) {
    return Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
  }
}
