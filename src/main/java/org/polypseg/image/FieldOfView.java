package org.polypseg.image;

import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The endoscope's field of view in a frame: the lit, roughly convex area inside the black frame
 * that processors draw around it. Only mucosa can be a polyp, so nothing outside it is reported:
 * neither the black frame nor the text and boxes drawn on it.
 *
 * <p>Found at low resolution (at most {@value #WORK_SIDE} pixels a side): pixels whose brightest
 * channel exceeds {@value #DARK} of 255 are lit; an opening (3×3 erosion then dilation) removes
 * thin strokes (text, box outlines, the scope guide's lines) so they cannot bridge into the view;
 * one more dilation keeps a pixel's margin at the rim; the largest 4-connected lit component is the
 * view, and its convex hull closes what dark lumen or
 * shadows notch out of it (the field of view of an endoscope is convex: a circle, an octagon or a
 * rectangle with cut corners). A frame with no black frame at all gives the whole image.
 *
 * <p>A uniform box in the bottom-left corner (a thumbnail or scope-guide box, as {@link
 * BurnedInText} finds it for redaction) is cut out of the view too.
 *
 * <p>If the largest component is small (under {@value #MIN_SHARE} of the frame: a very dark
 * frame), the whole frame is kept: better a false mark than a polyp hidden by a wrong guess.
 */
public final class FieldOfView {

  static final int WORK_SIDE = 160;
  static final int DARK = 30;
  static final double MIN_SHARE = 0.2;

  private final int width;
  private final int height;
  private final Polygon hull;
  /** An on-screen box inside the view (a thumbnail or scope-guide box), or null. */
  private final Redaction.Box box;

  private FieldOfView(int width, int height, Polygon hull, Redaction.Box box) {
    this.width = width;
    this.height = height;
    this.hull = hull;
    this.box = box;
  }

  /** The field of view of {@code image}. */
  public static FieldOfView of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = Math.min(1.0, WORK_SIDE / (double) Math.max(w, h));
    int sw = Math.max(1, (int) Math.round(w * scale));
    int sh = Math.max(1, (int) Math.round(h * scale));
    BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, sw, sh, null);
    g.dispose();
    int[] rgb = small.getRGB(0, 0, sw, sh, null, 0, sw);
    boolean[] lit = new boolean[sw * sh];
    for (int i = 0; i < lit.length; i++) {
      int p = rgb[i];
      lit[i] = Math.max((p >> 16) & 0xff, Math.max((p >> 8) & 0xff, p & 0xff)) > DARK;
    }
    // Opening, then one more dilation: the view's edge is found a low-resolution pixel generous,
    // so a polyp at the rim keeps its last pixels.
    lit = dilate(dilate(erode(lit, sw, sh), sw, sh), sw, sh);
    Component component = largestComponent(lit, sw, sh);
    if (component.size() < MIN_SHARE * sw * sh) {
      return whole(w, h);
    }
    Polygon hull = convexHull(component, w / (double) sw, h / (double) sh);
    return new FieldOfView(w, h, hull, BurnedInText.thumbnailBox(image));
  }

  /** A view that is the whole frame. */
  public static FieldOfView whole(int width, int height) {
    return new FieldOfView(width, height,
        new Polygon(new int[] {0, width, width, 0}, new int[] {0, 0, height, height}, 4), null);
  }

  /** True where pixel (x, y) of the frame is inside the view (and not in an on-screen box). */
  public boolean contains(int x, int y) {
    return hull.contains(x + 0.5, y + 0.5) && (box == null || !box.contains(x, y));
  }

  /**
   * The view as a row-major mask of the frame's size: the pixels that {@link #contains}. Row by
   * row, since the hull is convex and its inside is one run per row: the run's ends are worked out
   * from the edges and settled with the exact test, instead of testing every pixel against every
   * edge (7 ms of a request on a 622×530 frame; this runs on every image and video frame).
   */
  public boolean[] mask() {
    boolean[] mask = new boolean[width * height];
    forEachRun((y, left, right) -> {
      int row = y * width;
      for (int x = left; x <= right; x++) {
        mask[row + x] = box == null || !box.contains(x, y);
      }
    });
    return mask;
  }

  /** The pixels {@code left..right} of row {@code y} are inside the hull. */
  @FunctionalInterface
  private interface RunConsumer {
    void run(int y, int left, int right);
  }

  /** Each row's run of pixels inside the hull, top to bottom (rows outside it are skipped). */
  private void forEachRun(RunConsumer consumer) {
    java.awt.Rectangle bounds = hull.getBounds().intersection(new java.awt.Rectangle(0, 0, width, height));
    int first = bounds.x;
    int last = bounds.x + bounds.width - 1;
    for (int y = bounds.y; y < bounds.y + bounds.height; y++) {
      double cy = y + 0.5;
      double[] span = crossings(cy);
      if (span == null) {
        continue;
      }
      int left = Math.max(first, (int) Math.floor(span[0] - 0.5));
      int right = Math.min(last, (int) Math.ceil(span[1] - 0.5));
      while (left <= right && !hull.contains(left + 0.5, cy)) {
        left++;
      }
      while (right >= left && !hull.contains(right + 0.5, cy)) {
        right--;
      }
      if (left > right) {
        continue;
      }
      while (left > first && hull.contains(left - 0.5, cy)) {
        left--;
      }
      while (right < last && hull.contains(right + 1.5, cy)) {
        right++;
      }
      consumer.run(y, left, right);
    }
  }

  /** Leftmost and rightmost x where the line at height {@code cy} meets the hull's edges, or null. */
  private double[] crossings(double cy) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int n = hull.npoints;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      int y1 = hull.ypoints[i];
      int y2 = hull.ypoints[j];
      if (y1 == y2 || cy < Math.min(y1, y2) || cy > Math.max(y1, y2)) {
        continue;
      }
      double x = hull.xpoints[i] + (cy - y1) * (hull.xpoints[j] - hull.xpoints[i]) / (double) (y2 - y1);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return lo > hi ? null : new double[] {lo, hi};
  }

  /** The share of the frame inside the view. */
  public double share() {
    int inside = 0;
    for (boolean b : mask()) {
      if (b) {
        inside++;
      }
    }
    return inside / (double) (width * height);
  }

  /** Sets {@code probabilities} (row-major, the frame's size) to 0 outside the view, in place. */
  public void clearOutside(float[] probabilities) {
    if (probabilities.length != width * height) {
      throw new IllegalArgumentException("map of " + probabilities.length + " values for a "
          + width + "×" + height + " frame");
    }
    // Row by row: zero from the end of the previous row's run to the start of this one's, then
    // the on-screen box inside the run.
    int[] cleared = {0};
    forEachRun((y, left, right) -> {
      int row = y * width;
      java.util.Arrays.fill(probabilities, cleared[0], row + left, 0f);
      if (box != null) {
        for (int x = left; x <= right; x++) {
          if (box.contains(x, y)) {
            probabilities[row + x] = 0f;
          }
        }
      }
      cleared[0] = row + right + 1;
    });
    java.util.Arrays.fill(probabilities, cleared[0], probabilities.length, 0f);
  }

  private static boolean[] erode(boolean[] in, int w, int h) {
    boolean[] out = new boolean[in.length];
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        boolean all = true;
        for (int dy = -1; dy <= 1 && all; dy++) {
          for (int dx = -1; dx <= 1 && all; dx++) {
            all = in[(y + dy) * w + x + dx];
          }
        }
        out[y * w + x] = all;
      }
    }
    return out;
  }

  private static boolean[] dilate(boolean[] in, int w, int h) {
    boolean[] out = new boolean[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!in[y * w + x]) {
          continue;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int yy = y + dy;
            int xx = x + dx;
            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
              out[yy * w + xx] = true;
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * A connected component, as its hull needs it: the leftmost and rightmost pixel of each row (-1
   * in rows it does not reach).
   */
  private record Component(int size, int[] left, int[] right) {}

  /**
   * The largest 4-connected component of {@code lit} (the first found of equal ones). Labels in
   * one int array and a flood fill over an int queue: no object per pixel (this runs on every
   * segmented image and video frame).
   */
  private static Component largestComponent(boolean[] lit, int w, int h) {
    int[] label = new int[lit.length];
    int[] queue = new int[lit.length];
    int best = 0;
    int bestSize = 0;
    int next = 0;
    for (int start = 0; start < lit.length; start++) {
      if (!lit[start] || label[start] != 0) {
        continue;
      }
      next++;
      int head = 0;
      int tail = 0;
      label[start] = next;
      queue[tail++] = start;
      while (head < tail) {
        int i = queue[head++];
        int x = i % w;
        int y = i / w;
        if (x > 0 && lit[i - 1] && label[i - 1] == 0) {
          label[i - 1] = next;
          queue[tail++] = i - 1;
        }
        if (x < w - 1 && lit[i + 1] && label[i + 1] == 0) {
          label[i + 1] = next;
          queue[tail++] = i + 1;
        }
        if (y > 0 && lit[i - w] && label[i - w] == 0) {
          label[i - w] = next;
          queue[tail++] = i - w;
        }
        if (y < h - 1 && lit[i + w] && label[i + w] == 0) {
          label[i + w] = next;
          queue[tail++] = i + w;
        }
      }
      if (tail > bestSize) {
        best = next;
        bestSize = tail;
      }
    }
    int[] left = new int[h];
    int[] right = new int[h];
    java.util.Arrays.fill(left, -1);
    java.util.Arrays.fill(right, -1);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (best != 0 && label[y * w + x] == best) {
          if (left[y] < 0) {
            left[y] = x;
          }
          right[y] = x;
        }
      }
    }
    return new Component(bestSize, left, right);
  }

  /**
   * Andrew's monotone chain over the corners of the component's pixels (each low-resolution pixel
   * is a sx × sy square of the frame), as a polygon in frame coordinates.
   */
  private static Polygon convexHull(Component component, double sx, double sy) {
    // Each row's leftmost and rightmost pixel carry the hull; their square corners are the points.
    List<long[]> points = new ArrayList<>();
    for (int y = 0; y < component.left().length; y++) {
      if (component.left()[y] < 0) {
        continue;
      }
      for (int x : new int[] {component.left()[y], component.right()[y] + 1}) {
        points.add(new long[] {Math.round(x * sx), Math.round(y * sy)});
        points.add(new long[] {Math.round(x * sx), Math.round((y + 1) * sy)});
      }
    }
    points.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[][] hull = new long[2 * points.size()][];
    int k = 0;
    for (long[] p : points) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
        k--;
      }
      hull[k++] = p;
    }
    for (int i = points.size() - 2, lower = k + 1; i >= 0; i--) {
      long[] p = points.get(i);
      while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
        k--;
      }
      hull[k++] = p;
    }
    Polygon polygon = new Polygon();
    for (int i = 0; i < k - 1; i++) {
      polygon.addPoint((int) hull[i][0], (int) hull[i][1]);
    }
    return polygon;
  }

  private static long cross(long[] o, long[] a, long[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }
}
