package org.polypseg.image;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Ground-truth masks as users give them: checked to be a mask before they are read as one. A
 * mask is black (background) and white (polyp); JPEG masks such as Kvasir-SEG's carry noise near
 * 0 and 255 and soft edges, which is fine, but a colour frame or a grey picture given by mistake
 * would silently become a speckled "truth" and a Dice of nearly 0, so it is refused.
 */
public final class Masks {

  /**
   * Share of pixels that may be neither near black nor near white, or coloured (edges, JPEG
   * noise), 0..1. Measured on ../shared/datasets: at most 0.02 % in the 1,612 masks of
   * Kvasir-SEG and CVC-ClinicDB, at least 12.3 % in their 1,612 frames.
   */
  public static final double MAX_OTHER_SHARE = 0.05;

  /** Grey levels below this are "near black", above 255 minus it "near white". */
  static final int NEAR = 64;

  /** A pixel whose channels differ by more than this is coloured, grey levels. */
  static final int MAX_CHANNEL_SPREAD = 64;

  /** What a mask must be, for messages. */
  public static final String WHAT_A_MASK_IS = "a ground-truth mask is black (background) and "
      + "white (polyp), grey levels only, at the size of its image";

  private Masks() {}

  /**
   * The truth of a mask (true = polyp, grey level &gt; 128, the datasets' rule) after checking that
   * it is one.
   *
   * @param fileName named in the message
   * @throws NotAMaskException when more than {@link #MAX_OTHER_SHARE} of the pixels are neither
   *     near black nor near white, or coloured
   */
  public static boolean[] truth(BufferedImage mask, String fileName) throws NotAMaskException {
    int w = mask.getWidth();
    int h = mask.getHeight();
    int[] rgb = mask.getRGB(0, 0, w, h, null, 0, w);
    boolean[] truth = new boolean[rgb.length];
    long other = 0;
    for (int i = 0; i < rgb.length; i++) {
      int r = (rgb[i] >> 16) & 0xff;
      int g = (rgb[i] >> 8) & 0xff;
      int b = rgb[i] & 0xff;
      int level = (r + g + b) / 3; // as Images.grey, so the truth is what binaryMask gives
      truth[i] = level > 128;
      int spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
      if (spread > MAX_CHANNEL_SPREAD || (level >= NEAR && level <= 255 - NEAR)) {
        other++;
      }
    }
    double share = (double) other / rgb.length;
    if (share > MAX_OTHER_SHARE) {
      throw new NotAMaskException(String.format(Locale.ROOT,
          "%s: not a ground-truth mask: %d %% of its pixels are grey or coloured rather than"
              + " black or white (is it the frame itself?); %s, with at most %.0f %% of other"
              + " pixels such as soft edges", fileName, other * 100 / rgb.length, WHAT_A_MASK_IS,
          100 * MAX_OTHER_SHARE));
    }
    return truth;
  }

  /** A file that was given as a mask but is not one; the message names it and says why. */
  public static final class NotAMaskException extends ImageReadException {
    public NotAMaskException(String message) {
      super(message);
    }
  }
}
