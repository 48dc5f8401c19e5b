package org.polypseg.segment;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand corrections of a predicted mask at the image's full size: per pixel, as predicted, polyp
 * (painted) or not polyp (erased). Kept as overrides of the thresholded prediction, so a new
 * threshold still acts on every pixel the user did not touch; the corrected mask is
 * {@link #apply(boolean[])} of the thresholded one.
 *
 * <p>The text form is the page's ({@code src/main/frontend/mask-edits.ts}): the size, then the
 * run-length encoded values, {@code "622x530;0*1234,1*20,0*..."} (0 as predicted, 1 polyp, 2 not
 * polyp); empty text means no corrections.
 */
public final class MaskEdits {

  private static final byte KEEP = 0;
  private static final byte POLYP = 1;
  private static final byte NOT_POLYP = 2;
  private static final Pattern TEXT = Pattern.compile("(\\d+)x(\\d+);([0-9*,]*)");

  private final int width;
  private final int height;
  private final byte[] values;
  private final long changed;

  private MaskEdits(int width, int height, byte[] values) {
    this.width = width;
    this.height = height;
    this.values = values;
    long n = 0;
    for (byte v : values) {
      if (v != KEEP) {
        n++;
      }
    }
    this.changed = n;
  }

  /**
   * Reads the text form for an image of {@code width} × {@code height}.
   *
   * @return the corrections, or null for empty text (none)
   * @throws IllegalArgumentException when the text is malformed or of another size; the message
   *     says which
   */
  public static MaskEdits parse(String text, int width, int height) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("the mask corrections are not in the expected form");
    }
    long w = Long.parseLong(m.group(1));
    long h = Long.parseLong(m.group(2));
    if (w != width || h != height) {
      throw new IllegalArgumentException("the mask corrections are for a " + w + "×" + h
          + " px image, this one is " + width + "×" + height + " px");
    }
    byte[] values = new byte[width * height];
    int i = 0;
    for (String pair : m.group(3).split(",")) {
      int star = pair.indexOf('*');
      if (star <= 0) {
        throw new IllegalArgumentException("the mask corrections are not in the expected form");
      }
      int value = Integer.parseInt(pair.substring(0, star));
      long run = Long.parseLong(pair.substring(star + 1));
      if (value > NOT_POLYP || run > values.length - i) {
        throw new IllegalArgumentException("the mask corrections do not fit the image");
      }
      Arrays.fill(values, i, i + (int) run, (byte) value);
      i += (int) run;
    }
    if (i != values.length) {
      throw new IllegalArgumentException("the mask corrections cover " + i + " of the image's "
          + values.length + " pixels");
    }
    return new MaskEdits(width, height, values);
  }

  /** Corrections from a finished mask: every pixel where {@code corrected} differs from {@code predicted}. */
  public static MaskEdits between(boolean[] predicted, boolean[] corrected, int width, int height) {
    byte[] values = new byte[width * height];
    for (int i = 0; i < values.length; i++) {
      if (corrected[i] != predicted[i]) {
        values[i] = corrected[i] ? POLYP : NOT_POLYP;
      }
    }
    return new MaskEdits(width, height, values);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Pixels painted or erased. */
  public long changedPixels() {
    return changed;
  }

  /** The corrected mask: {@code predicted} with the painted pixels set and the erased cleared. */
  public boolean[] apply(boolean[] predicted) {
    if (predicted.length != values.length) {
      throw new IllegalArgumentException("the mask's size differs from the corrections'");
    }
    boolean[] out = predicted.clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == POLYP) {
        out[i] = true;
      } else if (values[i] == NOT_POLYP) {
        out[i] = false;
      }
    }
    return out;
  }

  /** The text form, as {@link #parse} reads it. */
  public String toText() {
    StringBuilder out = new StringBuilder().append(width).append('x').append(height).append(';');
    int run = 0;
    byte value = values[0];
    for (byte v : values) {
      if (v == value) {
        run++;
      } else {
        out.append(value).append('*').append(run).append(',');
        value = v;
        run = 1;
      }
    }
    return out.append(value).append('*').append(run).toString();
  }
}
