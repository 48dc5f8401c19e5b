package org.polypseg.web;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.notification.Notification;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.study.MaskImage;
import org.polypseg.web.audit.Actor;

/**
 * What the study pages share: who is signed in, small tables and pictures. Refusals of study
 * actions are {@link StudyProblem}'s.
 */
final class StudyPages {

  private StudyPages() {}

  /** The signed-in user, or null with login off (the service then says studies need login). */
  static String user() {
    return Actor.current().user();
  }

  /**
   * A link within the app ({@code path} relative to its root), followed by Vaadin's router
   * without a reload; built from the path so that it needs no router at construction.
   */
  static Anchor link(String text, String path) {
    Anchor link = new Anchor(path, text);
    link.getElement().setAttribute("router-link", true);
    return link;
  }

  static void info(String message) {
    // Bottom right: the annotator's Save button sits bottom left, and must stay clickable.
    Notification notification = Notification.show(message, 3000,
        Notification.Position.BOTTOM_END);
    notification.addClassName("study-info");
  }

  /** A table with a header row, in the regions table's style. */
  static NativeTable table(String id, String... headers) {
    NativeTable table = new NativeTable();
    table.addClassName("regions");
    table.setId(id);
    NativeTableRow head = table.getHead().addRow();
    for (String h : headers) {
      head.addHeaderCell().setText(h);
    }
    return table;
  }

  static void row(NativeTable table, String... cells) {
    NativeTableRow row = table.getBody().addRow();
    for (String c : cells) {
      row.addDataCell().setText(c);
    }
  }

  /** A figure 0..1 with three decimals, or a dash where there is none. */
  static String figure(Double value) {
    return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A frame the study keeps (a redacted PNG). */
  static BufferedImage decode(byte[] png, String name) {
    try {
      return Images.readRgb(png, name);
    } catch (ImageReadException e) {
      // The study wrote this PNG itself: unreadable means a bug or a damaged database.
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  /** A mask as the overlay reads a probability map: 255 polyp, 0 not. */
  static BufferedImage maskPicture(MaskImage mask) {
    BufferedImage image =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
    boolean[] p = mask.pixels();
    for (int i = 0; i < p.length; i++) {
      image.getRaster().setSample(i % mask.width(), i / mask.width(), 0, p[i] ? 255 : 0);
    }
    return image;
  }

  /** The frame with the mask tinted green over it, for side-by-side comparison. */
  static BufferedImage tinted(BufferedImage frame, MaskImage mask) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    boolean[] p = mask == null ? new boolean[w * h] : mask.pixels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = frame.getRGB(x, y);
        if (p[y * w + x]) {
          int r = (rgb >> 16 & 0xff) / 2;
          int g = ((rgb >> 8 & 0xff) + 255) / 2;
          int b = (rgb & 0xff) / 2;
          rgb = r << 16 | g << 8 | b;
        }
        out.setRGB(x, y, rgb);
      }
    }
    return out;
  }
}
