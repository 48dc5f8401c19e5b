package org.polypseg.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.polypseg.video.Stretch;

/**
 * The page's timeline of a clip, drawn on the server: a bar per analysed frame, its height the
 * polyp area, the detection stretches shaded, and a line at the frame on screen.
 */
final class TimelinePicture {

  static final int WIDTH = 960;
  static final int HEIGHT = 96;

  private static final Color BACKGROUND = new Color(0xF3, 0xF5, 0xF8);
  private static final Color STRETCH = new Color(0xFF, 0xD9, 0xA8);
  private static final Color BAR = new Color(0x1F, 0x4E, 0x79);
  private static final Color CURSOR = new Color(0xD9, 0x30, 0x25);

  private TimelinePicture() {}

  /**
   * @param times each analysed frame's time, seconds
   * @param area each analysed frame's polyp area at the page's threshold, 0..1
   * @param stretches the detection stretches at that threshold
   * @param duration the clip's length (or what is known of it), seconds
   * @param cursor time of the frame on screen, seconds, or NaN for none
   */
  static BufferedImage draw(double[] times, double[] area, List<Stretch> stretches,
      double duration, double cursor) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      double span = Math.max(duration, 1e-3);
      g.setColor(STRETCH);
      for (Stretch s : stretches) {
        int x0 = x(s.startSeconds(), span);
        g.fillRect(x0, 0, Math.max(1, x(s.endSeconds(), span) - x0), HEIGHT);
      }
      // Heights relative to the largest area, at least 1 % of the frame, so small polyps show.
      double top = 0.01;
      for (double a : area) {
        top = Math.max(top, a);
      }
      g.setColor(BAR);
      int barWidth = Math.max(1, (int) Math.floor((double) WIDTH / Math.max(1, times.length)));
      for (int i = 0; i < times.length; i++) {
        int h = (int) Math.round((HEIGHT - 4) * area[i] / top);
        g.fillRect(x(times[i], span), HEIGHT - h, barWidth, h);
      }
      if (!Double.isNaN(cursor)) {
        g.setColor(CURSOR);
        g.setStroke(new BasicStroke(2f));
        int cx = x(cursor, span);
        g.drawLine(cx, 0, cx, HEIGHT);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static int x(double seconds, double span) {
    return (int) Math.round(Math.max(0, Math.min(1, seconds / span)) * (WIDTH - 1));
  }
}
