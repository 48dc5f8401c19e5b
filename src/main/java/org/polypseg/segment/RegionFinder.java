package org.polypseg.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Connected-component labelling (8-connectivity) of a thresholded probability map. */
public final class RegionFinder {

  private RegionFinder() {}

  /** Regions of pixels with probability &gt;= threshold, largest first. */
  public static List<Region> find(float[] probabilities, int width, int height, double threshold) {
    return find(probabilities, SegmentationImages.mask(probabilities, threshold), width, height);
  }

  /**
   * Regions of the pixels set in {@code mask} (a thresholded map, perhaps corrected by hand),
   * largest first, each with the mean of {@code probabilities} over it.
   */
  public static List<Region> find(float[] probabilities, boolean[] mask, int width, int height) {
    boolean[] visited = new boolean[probabilities.length];
    int[] stack = new int[probabilities.length];
    List<Region> regions = new ArrayList<>();
    for (int start = 0; start < probabilities.length; start++) {
      if (visited[start] || !mask[start]) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      visited[start] = true;
      int area = 0;
      double sum = 0;
      int minX = width;
      int minY = height;
      int maxX = -1;
      int maxY = -1;
      while (top > 0) {
        int p = stack[--top];
        int x = p % width;
        int y = p / width;
        area++;
        sum += probabilities[p];
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        for (int dy = -1; dy <= 1; dy++) {
          int ny = y + dy;
          if (ny < 0 || ny >= height) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            if (nx < 0 || nx >= width) {
              continue;
            }
            int q = ny * width + nx;
            if (!visited[q] && mask[q]) {
              visited[q] = true;
              stack[top++] = q;
            }
          }
        }
      }
      regions.add(new Region(area, minX, minY, maxX - minX + 1, maxY - minY + 1, sum / area));
    }
    regions.sort(Comparator.comparingInt(Region::areaPx).reversed());
    return regions;
  }
}
