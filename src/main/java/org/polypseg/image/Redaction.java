package org.polypseg.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rectangles of an image to blank (fill black) in every picture made from it: burned-in text of
 * the endoscope (patient sex, age, date of birth, date and time) is in the pixels, not in
 * metadata, so stripping metadata does not remove it. Only pictures are blanked; the model
 * segments the original, so redaction changes no figure.
 *
 * @param boxes in image pixels, in the order drawn
 */
public record Redaction(List<Box> boxes) {

  /** Nothing blanked. */
  public static final Redaction NONE = new Redaction(List.of());

  /**
   * One rectangle, pixels.
   *
   * @param x left edge, from 0
   * @param y top edge, from 0
   * @param width at least 1
   * @param height at least 1
   */
  public record Box(int x, int y, int width, int height) {

    /** @throws IllegalArgumentException when empty or at a negative position */
    public Box {
      if (width < 1 || height < 1) {
        throw new IllegalArgumentException("the box " + x + "," + y + "," + width + "," + height
            + " is empty: its width and height must be at least 1 px");
      }
      if (x < 0 || y < 0) {
        throw new IllegalArgumentException("the box " + x + "," + y + "," + width + "," + height
            + " starts outside the image: x and y must be 0 or more");
      }
    }

    /** True when pixel (px, py) lies in the box. */
    public boolean contains(int px, int py) {
      return px >= x && px < x + width && py >= y && py < y + height;
    }

    boolean fitsIn(int imageWidth, int imageHeight) {
      return (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }

    /** As written and read: {@code x,y,w,h}. */
    @Override
    public String toString() {
      return x + "," + y + "," + width + "," + height;
    }
  }

  public Redaction {
    boxes = List.copyOf(boxes);
  }

  public boolean isEmpty() {
    return boxes.isEmpty();
  }

  /**
   * This redaction, checked against an image of {@code width} × {@code height} px.
   *
   * @throws IllegalArgumentException naming the first box that does not lie inside the image
   */
  public Redaction checkedFor(int width, int height) {
    for (Box box : boxes) {
      if (!box.fitsIn(width, height)) {
        throw new IllegalArgumentException("the box " + box + " (x,y,w,h) reaches outside the "
            + "image, which is " + width + "×" + height + " px: it must end by x = " + width
            + " and y = " + height);
      }
    }
    return this;
  }

  /**
   * A copy of {@code image} (RGB) with every box filled black; {@code image} itself when there is
   * nothing to blank. Boxes are clipped to the image.
   */
  public BufferedImage apply(BufferedImage image) {
    if (boxes.isEmpty()) {
      return image;
    }
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
      g.setColor(Color.BLACK);
      for (Box box : boxes) {
        g.fillRect(box.x(), box.y(), box.width(), box.height());
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The boxes as {@code x,y,w,h;x,y,w,h} (empty when none), as {@link #parse} reads them. */
  public String format() {
    return boxes.stream().map(Box::toString).collect(Collectors.joining(";"));
  }

  /**
   * Reads boxes written as {@code x,y,w,h;x,y,w,h} in pixels (spaces allowed, a trailing ';' too);
   * blank text is {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the part that is not four whole numbers or not a box
   */
  public static Redaction parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    List<Box> boxes = new ArrayList<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String[] n = part.split(",");
      if (n.length != 4) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not a box: write each as "
            + "x,y,w,h in pixels, boxes separated by ';'");
      }
      int[] v = new int[4];
      for (int i = 0; i < 4; i++) {
        try {
          v[i] = Integer.parseInt(n[i].strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + part.strip() + "' is not a box: '"
              + n[i].strip() + "' is not a whole number of pixels");
        }
      }
      boxes.add(new Box(v[0], v[1], v[2], v[3]));
    }
    return new Redaction(boxes);
  }
}
