package org.polypseg.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Synthetic "colonoscopy" frames: a pinkish background with a darker red ellipse as the polyp. */
public final class SyntheticData {

  private SyntheticData() {}

  /** Writes {@code count} image/mask pairs into dir/images and dir/masks; returns dir. */
  public static Path folder(Path dir, int count, int width, int height, long seed) throws IOException {
    Files.createDirectories(dir.resolve("images"));
    Files.createDirectories(dir.resolve("masks"));
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      BufferedImage[] pair = pair(width, height, random);
      ImageIO.write(pair[0], "png", dir.resolve("images/case" + i + ".png").toFile());
      ImageIO.write(pair[1], "png", dir.resolve("masks/case" + i + ".png").toFile());
    }
    return dir;
  }

  /** {image, mask} with one ellipse at a random place. */
  public static BufferedImage[] pair(int width, int height, Random random) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(230, 170, 160));
    g.fillRect(0, 0, width, height);
    int w = width / 4 + random.nextInt(width / 4);
    int h = height / 4 + random.nextInt(height / 4);
    int x = random.nextInt(width - w);
    int y = random.nextInt(height - h);
    g.setColor(new Color(150, 40, 40));
    g.fillOval(x, y, w, h);
    g.dispose();
    Graphics2D m = mask.createGraphics();
    m.setColor(Color.WHITE);
    m.fillOval(x, y, w, h);
    m.dispose();
    return new BufferedImage[] {image, mask};
  }

  /** The shared real datasets folder, or null when it is not beside this checkout. */
  public static Path realDatasets() {
    Path dir = Path.of("..", "shared", "datasets").toAbsolutePath().normalize();
    return Files.isDirectory(dir.resolve("TestDataset")) ? dir : null;
  }
}
