package org.polypseg.report;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.polypseg.image.Images;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;

/** Synthetic images and segmentations whose figures are known by construction. */
final class ReportFixtures {

  static final String SHA = "0123456789abcdef".repeat(4);
  static final ModelSummary MODEL =
      new ModelSummary("polypseg-hybrid-unet", SHA, "strange", 4, 2, 256);
  static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 11, 24, 23, 10, 0, 0, ZoneOffset.UTC);

  /** Real test images, when the shared datasets are there. */
  static final Path KVASIR = Path.of("..", "shared", "datasets", "TestDataset", "Kvasir");

  static final int W = 320;
  static final int H = 240;

  private ReportFixtures() {}

  static boolean realDataPresent() {
    return Files.isDirectory(KVASIR.resolve("images")) && Files.isDirectory(KVASIR.resolve("masks"));
  }

  /** A reddish gradient frame with a darker disk where the "polyp" is. */
  static BufferedImage image(int cx, int cy, int r) {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0xC8, 0x6A, 0x5A), W, H, new Color(0x7A, 0x2E, 0x2A)));
    g.fillRect(0, 0, W, H);
    g.setColor(new Color(0xE0, 0x9A, 0x80));
    g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    g.dispose();
    return image;
  }

  /**
   * Probability 0.9 inside the disk, 0.7 in a 10 x 10 square at (250, 40), 0.1 elsewhere: at
   * threshold 0.5, two regions.
   */
  static Segmentation segmentation(int cx, int cy, int r) {
    float[] p = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean disk = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
        boolean square = x >= 250 && x < 260 && y >= 40 && y < 50;
        p[y * W + x] = disk ? 0.9f : square ? 0.7f : 0.1f;
      }
    }
    return new Segmentation(W, H, p, 42.4, MODEL);
  }

  /** The disk as a truth mask, shifted right by {@code dx} pixels. */
  static boolean[] truth(int cx, int cy, int r, int dx) {
    boolean[] t = new boolean[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        t[y * W + x] = (x - cx - dx) * (x - cx - dx) + (y - cy) * (y - cy) <= r * r;
      }
    }
    return t;
  }

  static ReportItem item(String name, int cx, int cy, int r, boolean withTruth) {
    return new ReportItem(name, image(cx, cy, r), segmentation(cx, cy, r), 0.5,
        withTruth ? truth(cx, cy, r, 6) : null);
  }

  static ReportRequest single() {
    return new ReportRequest("study 12", List.of(item("frame-001.png", 110, 120, 50, true)),
        CREATED);
  }

  private static SegmentationService shipped;

  /** The shipped model in models/, loaded once for the tests that need it. */
  static synchronized SegmentationService shippedModel() throws ModelLoadException {
    if (shipped == null) {
      shipped = new SegmentationService(
          ModelStore.load(Path.of("models"), CircuitBackend.named("strange")));
    }
    return shipped;
  }

  /**
   * The first {@code n} Kvasir-SEG test images (by name) with their masks, segmented by the
   * shipped model; the caller checks {@link #realDataPresent()} first.
   */
  static ReportRequest realBatch(int n) throws Exception {
    List<ReportItem> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(KVASIR.resolve("images"))) {
      for (Path image : files.sorted().limit(n).toList()) {
        BufferedImage rgb = Images.readRgb(image);
        boolean[] truth = Images.binaryMask(Images.readRgb(KVASIR.resolve("masks")
            .resolve(image.getFileName())));
        items.add(new ReportItem(image.getFileName().toString(), rgb,
            shippedModel().segment(rgb), 0.5, truth));
      }
    }
    return new ReportRequest("Kvasir-SEG test", items, CREATED);
  }

  static ReportRequest batch() {
    return new ReportRequest("study 12", List.of(
        item("frame-001.png", 110, 120, 50, true),
        item("frame-002.png", 150, 110, 35, true),
        item("frame-003.png", 120, 130, 60, false)), CREATED);
  }
}
